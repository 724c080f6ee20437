// A local HTTP server that plays the Slack Web API (chat.postMessage, chat.update,
// chat.postEphemeral, views.open, views.publish, users.info, auth.test) and response_url endpoints for the real Bolt app, recording
// every call, and refusing what Slack refuses: 429 with Retry-After (on demand, or beyond one
// message a second per channel when limits are enforced), channel_not_found, not_in_channel,
// is_archived, msg_too_long (text over 40,000 characters), invalid_blocks (over 50 blocks or a
// section over 3,000 characters), message_not_found for an edit of a deleted message, a modal
// opened with a trigger_id it never issued or issued over 3 seconds ago. Every call
// can take a configurable time, like a real network.
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface SlackCall {
  method: string;
  params: Record<string, unknown>;
}

export class FakeSlack {
  readonly calls: SlackCall[] = [];
  readonly signingSecret = "8f742231b10e8888abcd99yyyzzz85a5";
  readonly botToken = "xoxb-test-token";
  readonly identity = {
    botId: "B0PARTYBOT",
    botUserId: "U0PARTYBOT",
    workspaceUrl: "https://party.slack.com/",
  };
  /** People in the workspace, as users.info describes them. */
  readonly people = new Map<string, { name: string; locale?: string }>();
  /** trigger_ids Slack issued (with an interaction), and when: they expire after 3 s. */
  readonly #triggers = new Map<string, number>();
  #nextTrigger = 1;
  url = "";
  #server: Server | undefined;
  #ts = 1_700_000_000;
  #rateLimited = 0;
  #retryAfter = 1;
  #limitedUntil = 0;
  #responseUses = new Map<string, number>();
  /** Enforce one chat.postMessage a second per channel. */
  enforceLimits = false;
  /** How long each call takes to answer, in ms. */
  latencyMs = 0;
  tooManyRequests = 0;
  #lastPost = new Map<string, number>();
  readonly missingChannels = new Set<string>();
  readonly archivedChannels = new Set<string>();
  /** Channels the bot is not a member of. */
  readonly outsideChannels = new Set<string>();
  readonly deletedMessages = new Set<string>();
  /** Users the bot cannot message (deactivated, or never in the workspace). */
  readonly missingUsers = new Set<string>();
  #nextErrors: string[] = [];
  /** What the next auth.test calls answer: "ratelimited" is a 429, another code Slack's error. */
  readonly authAnswers: string[] = [];
  /** Every call Slack refused with an error code, in order: what a test may require to be empty. */
  readonly refusals: { method: string; error: string }[] = [];

  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const url = new URL(req.url ?? "/", "http://localhost");
        const params = (req.headers["content-type"] ?? "").includes("json")
          ? (JSON.parse(raw || "{}") as Record<string, unknown>)
          : parseForm(raw);
        if (url.pathname.startsWith("/upload/")) {
          this.calls.push({ method: "upload", params: { path: url.pathname, bytes: raw.length } });
          return void res.writeHead(200).end("OK");
        }
        if (url.pathname.startsWith("/respond/")) {
          this.calls.push({ method: "respond", params: { ...params, responseUrl: url.pathname } });
          // A response_url takes 5 posts; blocks are held to the same limits as chat.postMessage.
          const uses = (this.#responseUses.get(url.pathname) ?? 0) + 1;
          this.#responseUses.set(url.pathname, uses);
          if (uses > 5) return void res.writeHead(404).end("used_url");
          const refusal = this.#blocksRefusal(params);
          if (refusal) this.refusals.push({ method: "respond", error: refusal });
          if (refusal) return void res.writeHead(400).end(refusal);
          return void res.writeHead(200).end("ok");
        }
        const method = url.pathname.replace(/^\/api\//, "");
        this.calls.push({ method, params });
        const refusal = this.#refusal(method, params);
        if (refusal?.error) this.refusals.push({ method, error: refusal.error });
        const answer = () => {
          if (refusal?.status === 429)
            return void res
              .writeHead(429, {
                "retry-after": String(refusal.retryAfter),
                "content-type": "application/json",
              })
              .end(JSON.stringify({ ok: false, error: "ratelimited" }));
          res
            .writeHead(200, { "content-type": "application/json" })
            .end(
              JSON.stringify(refusal ? { ok: false, error: refusal.error } : this.#answer(method, params)),
            );
        };
        if (this.latencyMs > 0) setTimeout(answer, this.latencyMs);
        else answer();
      });
    });
    await new Promise<void>((resolve) => this.#server?.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.#server?.close(() => resolve());
      this.#server?.closeAllConnections();
    });
  }

  /** A trigger_id, as Slack sends with each command, button press or shortcut. */
  trigger(): string {
    const id = `${this.#nextTrigger++}.${Date.now()}.trigger`;
    this.#triggers.set(id, Date.now());
    return id;
  }

  /** Ages every trigger_id issued so far past Slack's 3 seconds. */
  expireTriggers(): void {
    for (const id of this.#triggers.keys()) this.#triggers.set(id, 0);
  }

  /** The next chat.postMessage calls answer these Slack error codes, one each. */
  failNextPostsWith(...errors: string[]): void {
    this.#nextErrors.push(...errors);
  }

  rateLimitNextPost(times = 1, retryAfter = 1): void {
    this.#rateLimited = times;
    this.#retryAfter = retryAfter;
  }

  /** Every chat.postMessage answers 429 for the next `ms` (Slack's limits are windows). */
  rateLimitPostsFor(ms: number, retryAfter = 1): void {
    this.#limitedUntil = Date.now() + ms;
    this.#retryAfter = retryAfter;
  }

  #blocksRefusal(params: Record<string, unknown>): string | null {
    type Block = { block_id?: string; text?: { text?: string } };
    const blocks = Array.isArray(params.blocks) ? (params.blocks as Block[]) : [];
    if (blocks.length > 50 || blocks.some((b) => (b.text?.text?.length ?? 0) > 3000)) return "invalid_blocks";
    return duplicateBlockId(blocks) ? "invalid_blocks" : null;
  }

  #refusal(
    method: string,
    params: Record<string, unknown>,
  ): { status: number; error?: string; retryAfter?: number } | null {
    if (method === "auth.test") {
      const next = this.authAnswers.shift();
      if (next === "ratelimited") return { status: 429, retryAfter: 1 };
      if (next) return { status: 200, error: next };
      return null;
    }
    if (method.startsWith("views.")) {
      const view = (typeof params.view === "string" ? jsonOrText(params.view) : params.view) as {
        blocks?: { block_id?: string }[];
      };
      // Slack refuses a view whose blocks repeat a block_id, as it does a message's.
      if (duplicateBlockId(view?.blocks ?? [])) return { status: 200, error: "invalid_arguments" };
    }
    if (method === "views.open") {
      // A modal opens only with a trigger Slack issued, within 3 seconds of the interaction.
      const issued = this.#triggers.get(String(params.trigger_id ?? ""));
      if (issued === undefined) return { status: 200, error: "invalid_trigger_id" };
      if (Date.now() - issued > 3000) return { status: 200, error: "expired_trigger_id" };
      return null;
    }
    if (method === "users.info" && !this.people.has(String(params.user ?? "")))
      return { status: 200, error: "user_not_found" };
    if (method === "chat.postEphemeral") {
      const blocks = this.#blocksRefusal(params);
      return blocks ? { status: 200, error: blocks } : null;
    }
    if (method !== "chat.postMessage" && method !== "chat.update") return null;
    const channel = String(params.channel ?? "");
    if (method === "chat.postMessage" && (this.#rateLimited > 0 || Date.now() < this.#limitedUntil)) {
      this.#rateLimited = Math.max(0, this.#rateLimited - 1);
      return { status: 429, retryAfter: this.#retryAfter };
    }
    const next = method === "chat.postMessage" ? this.#nextErrors.shift() : undefined;
    if (next) return { status: 200, error: next };
    if (this.missingUsers.has(channel)) return { status: 200, error: "user_not_found" };
    if (this.missingChannels.has(channel)) return { status: 200, error: "channel_not_found" };
    if (this.archivedChannels.has(channel)) return { status: 200, error: "is_archived" };
    if (this.outsideChannels.has(channel)) return { status: 200, error: "not_in_channel" };
    if (method === "chat.update" && this.deletedMessages.has(`${channel}:${params.ts}`))
      return { status: 200, error: "message_not_found" };
    if (String(params.text ?? "").length > 40_000) return { status: 200, error: "msg_too_long" };
    const blocks = this.#blocksRefusal(params);
    if (blocks) return { status: 200, error: blocks };
    if (method === "chat.postMessage" && this.enforceLimits) {
      const now = Date.now();
      if (now - (this.#lastPost.get(channel) ?? 0) < 1000) {
        this.tooManyRequests += 1;
        return { status: 429, retryAfter: 1 };
      }
      this.#lastPost.set(channel, now);
    }
    return null;
  }

  /** Waits for the answers posted to one response URL (the app answers after acknowledging). */
  async responses(path: string, ms = 10_000): Promise<SlackCall[]> {
    const until = Date.now() + ms;
    const mine = () => this.calls.filter((c) => c.method === "respond" && c.params.responseUrl === path);
    while (mine().length === 0) {
      if (Date.now() > until) throw new Error(`no answer at ${path}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    // A command may answer more than once; give the rest a moment.
    await new Promise((r) => setTimeout(r, 30));
    return mine();
  }

  called(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Headers Slack would send with this body: a v0 signature over "v0:timestamp:body". */
  sign(body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
    const signature = `v0=${createHmac("sha256", this.signingSecret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
    return { "x-slack-signature": signature, "x-slack-request-timestamp": String(timestamp) };
  }

  #answer(method: string, params: Record<string, unknown>): object {
    switch (method) {
      case "chat.postMessage":
        return { ok: true, channel: params.channel, ts: `${this.#ts++}.000100` };
      case "chat.update":
        return { ok: true, channel: params.channel, ts: params.ts };
      case "chat.postEphemeral":
        return { ok: true, message_ts: `${this.#ts++}.000200` };
      case "views.open":
        return { ok: true, view: { id: "V123" } };
      case "views.publish":
        return { ok: true, view: { id: "VHOME" } };
      case "auth.test":
        return {
          ok: true,
          user_id: this.identity.botUserId,
          bot_id: this.identity.botId,
          team_id: "T0PARTY",
          team: "党支部工作区",
          url: this.identity.workspaceUrl,
        };
      case "users.info": {
        const person = this.people.get(String(params.user));
        return {
          ok: true,
          user: {
            id: params.user,
            name: String(params.user).toLowerCase(),
            real_name: person?.name,
            ...(person?.locale ? { locale: person.locale } : {}),
            profile: { display_name: person?.name ?? "", real_name: person?.name ?? "" },
          },
        };
      }
      case "conversations.open":
        return { ok: true, channel: { id: `D0${String(params.users)}` } };
      case "files.getUploadURLExternal":
        return { ok: true, upload_url: `${this.url}/upload/F${this.#ts}`, file_id: `F${this.#ts++}` };
      case "files.completeUploadExternal":
        return { ok: true, files: [{ id: "F1" }] };
      default:
        return { ok: true };
    }
  }
}

/** Whether two blocks share a block_id: Slack requires them unique within a message or view. */
function duplicateBlockId(blocks: readonly { block_id?: string }[]): boolean {
  const ids = blocks.flatMap((b) => (b.block_id ? [b.block_id] : []));
  return new Set(ids).size !== ids.length;
}

function parseForm(raw: string): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    params[key] = value.startsWith("[") || value.startsWith("{") ? jsonOrText(value) : value;
  }
  return params;
}

/** Structured fields (blocks, files) arrive as JSON; a text may merely start with a bracket. */
function jsonOrText(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

// A local HTTP server that speaks enough of the Telegram Bot API for the real grammY Bot to run
// against it: getMe, getUpdates (long polling), sendMessage, editMessageText,
// answerCallbackQuery, setWebhook, setMyCommands, getFile and file downloads. It records every
// call and refuses what Telegram refuses: beyond its limits (30 messages/s per bot, 1/s per chat,
// 20/min per group) a 429 with retry_after; 403 for people who never started the bot or blocked
// it and for groups the bot was removed from; 400 for chats that do not exist, for a group that
// became a supergroup (with migrate_to_chat_id), for an edit of a deleted message, for text over
// 4,096 characters and captions over 1,024, for HTML it cannot parse (unknown or unclosed tags, a
// bare & or <), for callback_data over 64 bytes and for empty text. Every call can take a configurable time, like a real
// network.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update } from "grammy/types";

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  /** What the call answered, when it succeeded (a sent message, with its message_id). */
  result?: unknown;
}

export class FakeTelegram {
  readonly calls: ApiCall[] = [];
  readonly token = "123456:AAH-fake-token-for-tests_0123";
  readonly botUser = { id: 123456, is_bot: true, first_name: "党支部助手", username: "party_branch_bot" };
  #server: Server | undefined;
  #updates: Update[] = [];
  #nextUpdateId = 1;
  #nextMessageId = 100;
  #waiters: (() => void)[] = [];
  #failures = new Map<string, number[]>();
  #files = new Map<string, Buffer>();
  /** Enforce Telegram's limits (30 messages/s per bot, 1/s per chat, 20/min per group). */
  enforceLimits = false;
  /** How long each call takes to answer, in ms (real calls take 50–300 ms). */
  latencyMs = 0;
  /** How many 429s were answered because a limit was exceeded. */
  tooManyRequests = 0;
  #recentSends: number[] = [];
  #perChat = new Map<string, number[]>();
  /** Users who never opened a private chat with the bot. */
  readonly strangers = new Set<number>();
  /** Users who blocked the bot. */
  readonly blockedBy = new Set<string>();
  /** Groups the bot was removed from. */
  readonly kickedFrom = new Set<string>();
  /** Chats that do not exist (deleted, or never did). */
  readonly missingChats = new Set<string>();
  /** Groups upgraded to supergroups: old id → new id. */
  readonly migrated = new Map<string, string>();
  /** Messages deleted in their chat ("chat:message_id"). */
  readonly deletedMessages = new Set<string>();
  #serverErrors = new Map<string, number>();
  #badRequests = new Map<string, string[]>();
  apiRoot = "";
  #inFlight = new Map<string, number>();
  #mostInFlight = new Map<string, number>();

  /** The most calls of a method that were being answered at one time. */
  mostInFlight(method: string): number {
    return this.#mostInFlight.get(method) ?? 0;
  }

  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      void this.#route(req).then(
        ({ status, body, raw }) => {
          if (raw) res.writeHead(status).end(raw);
          else res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
        },
        (error: unknown) => res.writeHead(500).end(String(error)),
      );
    });
    await new Promise<void>((resolve) => this.#server?.listen(0, "127.0.0.1", resolve));
    this.apiRoot = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const wake of this.#waiters.splice(0)) wake();
    await new Promise<void>((resolve) => {
      this.#server?.close(() => resolve());
      this.#server?.closeAllConnections();
    });
  }

  /** The next `times` calls of a method answer 429 with this retry_after (seconds). */
  failWith429(method: string, retryAfter: number, times = 1): void {
    this.#failures.set(method, [...(this.#failures.get(method) ?? []), ...Array(times).fill(retryAfter)]);
  }

  /** The next `times` calls of a method answer 400 with this description (content Telegram refuses). */
  failWithBadRequest(method: string, description: string, times = 1): void {
    this.#badRequests.set(method, [
      ...(this.#badRequests.get(method) ?? []),
      ...Array(times).fill(description),
    ]);
  }

  /** The next `times` calls of a method answer 502 Bad Gateway (a transient failure). */
  failWithServerError(method: string, times = 1): void {
    this.#serverErrors.set(method, (this.#serverErrors.get(method) ?? 0) + times);
  }

  storeFile(fileId: string, bytes: Buffer): void {
    this.#files.set(fileId, bytes);
  }

  /**
   * Whether Telegram would deliver this update to a bot in privacy mode (the default): in groups
   * only commands (an ASCII /command, for this bot if addressed), replies to the bot's own
   * messages and button presses; everything in private chats.
   */
  deliverable(update: Omit<Update, "update_id">): boolean {
    const message = (
      update as {
        message?: { chat: { type: string }; text?: string; reply_to_message?: { from?: { id: number } } };
      }
    ).message;
    if (!message || message.chat.type === "private") return true;
    if (message.reply_to_message?.from?.id === this.botUser.id) return true;
    const command = message.text?.match(/^\/[A-Za-z0-9_]{1,32}(?:@(\w+))?(?:\s|$)/);
    return Boolean(command && (!command[1] || command[1] === this.botUser.username));
  }

  /** Queues an update for getUpdates and returns it (for webhook tests to post). */
  push(update: Omit<Update, "update_id">): Update {
    const full = { update_id: this.#nextUpdateId++, ...update } as Update;
    this.#updates.push(full);
    for (const wake of this.#waiters.splice(0)) wake();
    return full;
  }

  sent(method = "sendMessage"): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async waitFor(predicate: () => boolean, ms = 5_000): Promise<void> {
    const until = Date.now() + ms;
    while (!predicate()) {
      if (Date.now() > until)
        throw new Error(`timed out; calls so far: ${JSON.stringify(this.calls.map((c) => c.method))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async #route(req: IncomingMessage): Promise<{ status: number; body?: unknown; raw?: Buffer }> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const file = url.pathname.match(/^\/file\/bot[^/]+\/(.+)$/);
    if (file?.[1]) {
      const bytes = this.#files.get(decodeURIComponent(file[1]));
      return bytes ? { status: 200, raw: bytes } : { status: 404, raw: Buffer.from("not found") };
    }
    const match = url.pathname.match(/^\/bot([^/]+)\/(\w+)$/);
    if (!match?.[2] || match[1] !== this.token)
      return { status: 404, body: { ok: false, error_code: 404, description: "Not Found" } };
    const method = match[2];
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const params = (req.headers["content-type"] ?? "").startsWith("multipart/form-data")
      ? multipartFields(text)
      : text
        ? (JSON.parse(text) as Record<string, unknown>)
        : {};
    const call: ApiCall = { method, params };
    if (method !== "getUpdates") this.calls.push(call);
    // Counted on arrival, answered after the network's delay, as Telegram would.
    const answer = this.#refusal(method, params) ?? (await this.#ok(method, params));
    // A call refused for going too fast is not recorded as made (it was not delivered).
    if ("tooFast" in answer) this.calls.pop();
    if (answer.status === 200) call.result = (answer.body as { result?: unknown }).result;
    this.#inFlight.set(method, (this.#inFlight.get(method) ?? 0) + 1);
    this.#mostInFlight.set(method, Math.max(this.mostInFlight(method), this.#inFlight.get(method) ?? 0));
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    this.#inFlight.set(method, (this.#inFlight.get(method) ?? 1) - 1);
    return answer;
  }

  async #ok(method: string, params: Record<string, unknown>) {
    return { status: 200, body: { ok: true, result: await this.#answer(method, params) } };
  }

  /** What Telegram would refuse, as its error answer; null when the call goes through. */
  #refusal(
    method: string,
    params: Record<string, unknown>,
  ): { status: number; body: unknown; tooFast?: true } | null {
    const error = (code: number, description: string, parameters?: object) => ({
      status: code,
      body: { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) },
    });
    const serverErrors = this.#serverErrors.get(method) ?? 0;
    if (serverErrors > 0) {
      this.#serverErrors.set(method, serverErrors - 1);
      return error(502, "Bad Gateway");
    }
    const badRequest = this.#badRequests.get(method)?.shift();
    if (badRequest) return error(400, badRequest);
    const retryAfter = this.#failures.get(method)?.shift();
    if (retryAfter !== undefined)
      return error(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
    const chat = String(params.chat_id ?? "");
    const sending = SEND_METHODS.has(method);
    if (!sending && method !== "editMessageText") return null;
    if (method === "sendMessage" && typeof params.text === "string" && params.text.trim() === "")
      return error(400, "Bad Request: message text is empty");
    const newId = this.migrated.get(chat);
    if (newId)
      return error(400, "Bad Request: group chat was upgraded to a supergroup chat", {
        migrate_to_chat_id: Number(newId),
      });
    if (this.missingChats.has(chat)) return error(400, "Bad Request: chat not found");
    if (this.kickedFrom.has(chat)) return error(403, "Forbidden: bot was kicked from the supergroup chat");
    if (this.blockedBy.has(chat)) return error(403, "Forbidden: bot was blocked by the user");
    if (this.strangers.has(Number(chat)))
      return error(403, "Forbidden: bot can't initiate conversation with a user");
    if (method === "editMessageText" && this.deletedMessages.has(`${chat}:${params.message_id}`))
      return error(400, "Bad Request: message to edit not found");
    const markupError = markupRefusal(params);
    if (markupError) return error(400, `Bad Request: ${markupError}`);
    if (typeof params.text === "string" && params.text.length > 4096)
      return error(400, "Bad Request: message is too long");
    if (typeof params.caption === "string" && params.caption.length > 1024)
      return error(400, "Bad Request: message caption is too long");
    if (!sending || !this.enforceLimits) return null;
    const now = Date.now();
    this.#recentSends = this.#recentSends.filter((t) => now - t < 1000);
    const recent = (this.#perChat.get(chat) ?? []).filter((t) => now - t < 60_000);
    const tooFast =
      this.#recentSends.length >= 30 ||
      recent.some((t) => now - t < 1000) ||
      (chat.startsWith("-") && recent.length >= 20);
    if (tooFast) {
      this.tooManyRequests += 1;
      return { ...error(429, "Too Many Requests: retry after 1", { retry_after: 1 }), tooFast: true };
    }
    this.#recentSends.push(now);
    this.#perChat.set(chat, [...recent, now]);
    return null;
  }

  async #answer(method: string, params: Record<string, unknown>): Promise<unknown> {
    switch (method) {
      case "getMe":
        return this.botUser;
      case "getUpdates": {
        const offset = Number(params.offset ?? 0);
        const pending = () => this.#updates.filter((u) => u.update_id >= offset);
        if (pending().length === 0 && Number(params.timeout ?? 0) > 0) {
          await new Promise<void>((resolve) => {
            this.#waiters.push(resolve);
            setTimeout(resolve, 300);
          });
        }
        return pending();
      }
      case "sendMessage": {
        const chatId = Number(params.chat_id);
        return {
          message_id: this.#nextMessageId++,
          date: 0,
          chat: { id: chatId, type: chatId > 0 ? "private" : "supergroup" },
          text: params.text,
        };
      }
      case "sendDocument":
      case "sendPhoto":
        return {
          message_id: this.#nextMessageId++,
          date: 0,
          chat: { id: Number(params.chat_id), type: "private" },
        };
      case "editMessageText":
        return {
          message_id: Number(params.message_id),
          date: 0,
          chat: { id: Number(params.chat_id), type: "supergroup" },
          text: params.text,
        };
      case "getFile":
        return {
          file_id: params.file_id,
          file_unique_id: String(params.file_id),
          file_path: String(params.file_id),
        };
      default:
        return true;
    }
  }
}

const SEND_METHODS = new Set(["sendMessage", "sendPhoto", "sendDocument", "copyMessage", "forwardMessage"]);

/** The named parts of a multipart body (files show up as their file name). */
function multipartFields(body: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const part of body.split(/\r?\n--/)) {
    const name = part.match(/name="([^"]+)"/)?.[1];
    if (!name) continue;
    const filename = part.match(/filename="([^"]+)"/)?.[1];
    fields[name] =
      filename ??
      part
        .split(/\r?\n\r?\n/)
        .slice(1)
        .join("\n")
        .trim();
  }
  return fields;
}

const HTML_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "a",
  "code",
  "pre",
  "tg-spoiler",
  "span",
  "blockquote",
]);

/** What Telegram says of text it cannot parse as HTML, or of buttons it refuses; null when fine. */
function markupRefusal(params: Record<string, unknown>): string | null {
  const keyboard = (params.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)
    ?.inline_keyboard;
  for (const button of keyboard?.flat() ?? [])
    if (button.callback_data !== undefined && Buffer.byteLength(button.callback_data) > 64)
      return "BUTTON_DATA_INVALID";
  if (params.parse_mode !== "HTML") return null;
  for (const field of ["text", "caption"] as const) {
    const text = params[field];
    if (typeof text !== "string") continue;
    const open: string[] = [];
    for (let i = 0; i < text.length; i++) {
      const rest = text.slice(i);
      if (text[i] === "<") {
        const tag = rest.match(/^<(\/?)([a-z-]+)(?:\s[^<>]*)?>/);
        if (!tag?.[2] || !HTML_TAGS.has(tag[2]))
          return `can't parse entities: unsupported start tag at byte offset ${i}`;
        if (tag[1]) {
          if (open.pop() !== tag[2]) return `can't parse entities: unmatched end tag at byte offset ${i}`;
        } else open.push(tag[2]);
        i += tag[0].length - 1;
      } else if (text[i] === "&") {
        const entity = rest.match(/^&(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);/);
        if (!entity) return `can't parse entities: unknown entity at byte offset ${i}`;
        i += entity[0].length - 1;
      }
    }
    if (open.length > 0)
      return `can't parse entities: can't find end tag corresponding to start tag "${open.at(-1)}"`;
  }
  return null;
}

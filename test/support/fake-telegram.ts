// A local HTTP server that speaks enough of the Telegram Bot API for the real grammY Bot to run
// against it: getMe, getUpdates (long polling), sendMessage, editMessageText,
// answerCallbackQuery, setWebhook, setMyCommands, getFile and file downloads. It records every
// call, can answer 429 with retry_after, and refuses private messages to users who never started
// the bot (403), like Telegram.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update } from "grammy/types";

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
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
  /** Enforce Telegram's limits (30 messages/s per bot, 1/s per chat) and answer 429 beyond. */
  enforceLimits = false;
  #recentSends: number[] = [];
  #lastPerChat = new Map<string, number>();
  /** Users who never opened a private chat with the bot. */
  readonly strangers = new Set<number>();
  apiRoot = "";

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

  storeFile(fileId: string, bytes: Buffer): void {
    this.#files.set(fileId, bytes);
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
    if (method !== "getUpdates") this.calls.push({ method, params });
    if (this.enforceLimits && method === "sendMessage") {
      const now = Date.now();
      this.#recentSends = this.#recentSends.filter((t) => now - t < 1000);
      const chat = String(params.chat_id);
      if (this.#recentSends.length >= 30 || now - (this.#lastPerChat.get(chat) ?? 0) < 1000) {
        this.calls.pop();
        return {
          status: 429,
          body: {
            ok: false,
            error_code: 429,
            description: "Too Many Requests: retry after 1",
            parameters: { retry_after: 1 },
          },
        };
      }
      this.#recentSends.push(now);
      this.#lastPerChat.set(chat, now);
    }
    const retryAfter = this.#failures.get(method)?.shift();
    if (retryAfter !== undefined) {
      return {
        status: 429,
        body: {
          ok: false,
          error_code: 429,
          description: `Too Many Requests: retry after ${retryAfter}`,
          parameters: { retry_after: retryAfter },
        },
      };
    }
    try {
      return { status: 200, body: { ok: true, result: await this.#answer(method, params) } };
    } catch (error) {
      if (!(error instanceof FakeForbidden)) throw error;
      return {
        status: 403,
        body: {
          ok: false,
          error_code: 403,
          description: "Forbidden: bot can't initiate conversation with a user",
        },
      };
    }
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
        if (this.strangers.has(chatId)) throw new FakeForbidden();
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

class FakeForbidden extends Error {}

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

// The Telegram webhook route: checks the secret header, reads a bounded body, validates it as an
// update with zod, and hands it to grammY. Whatever arrives, the request gets an answer and the
// process stays up: a wrong secret 401, a body too large 413, anything that is not an update 400.
// An update still being worked on after `answerWithinMs` is acknowledged anyway (Telegram would
// otherwise send it again while a slow export is still running) and finishes in the background;
// it is applied once all the same (ProcessedUpdate). Its failures are logged with its id. While
// the bot stops, new updates are sent back with 503, and those under way are waited for.
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import { z } from "zod";
import type { Logger } from "../../core/logger.js";
import { MAX_BODY_BYTES } from "../../http/health-server.js";

const updateShape = z.looseObject({ update_id: z.number().int().nonnegative() });

class TooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new TooLarge());
        req.destroy();
      } else chunks.push(chunk);
    });
    req.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.once("error", reject);
  });
}

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  const a = Buffer.from(typeof given === "string" ? given : "");
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Once stopping, the route sends updates back (503): Telegram delivers them again later. */
export interface WebhookGate {
  readonly stopping: boolean;
}

export function telegramWebhookRoute(
  bot: Bot,
  secret: string,
  logger: Logger,
  answerWithinMs = 8_000,
  gate: WebhookGate = { stopping: false },
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (gate.stopping) {
      req.resume();
      return void res.writeHead(503, { "retry-after": "5" }).end();
    }
    if (!sameSecret(req.headers["x-telegram-bot-api-secret-token"], secret)) {
      req.resume();
      return void res.writeHead(401).end();
    }
    let body: string;
    try {
      body = await readBody(req);
    } catch (error) {
      return void res.writeHead(error instanceof TooLarge ? 413 : 400).end();
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return void res.writeHead(400).end();
    }
    const update = updateShape.safeParse(json);
    if (!update.success) return void res.writeHead(400).end();
    const work = bot.handleUpdate(update.data as unknown as Update).catch((err: unknown) => {
      logger.error({ err, update: update.data.update_id }, "telegram update failed");
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), answerWithinMs);
    });
    if ((await Promise.race([work, late])) === "late")
      logger.warn(
        { update: update.data.update_id },
        "update still running; acknowledged, finishing in the background",
      );
    clearTimeout(timer);
    res.writeHead(200).end();
  };
}

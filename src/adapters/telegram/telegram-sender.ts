// The delivery worker's way into Telegram: send, or edit an announcement in place. It has its own
// Api without auto-retry, so a 429 goes straight back to the outbox (which waits exactly as asked)
// instead of stalling a delivery slot. Telegram's answers are classified for the worker: 403 and
// "chat not found" mean the person or group is out of reach, a group upgraded to a supergroup
// says where it went, a deleted announcement is posted afresh, other 400s are the content's fault.
import { type Api, GrammyError, HttpError, InputFile } from "grammy";
import type { Reply, Segment } from "../../core/reply.js";
import { splitReply } from "../../core/split-reply.js";
import {
  ChatMigrated,
  DeliveryRefused,
  EditTargetGone,
  RateLimited,
  type Sender,
  type SendResult,
} from "../../delivery/sender.js";
import { TELEGRAM_LIMITS } from "./limits.js";
import { renderHtml, renderKeyboard } from "./render-html.js";

const EDIT_GONE = /message to edit not found|MESSAGE_ID_INVALID|message can't be edited/i;
const CHAT_NOT_FOUND = /chat not found|PEER_ID_INVALID|user not found/i;

export class TelegramSender implements Sender {
  readonly platform = "telegram" as const;
  readonly limits = TELEGRAM_LIMITS;

  constructor(
    private readonly api: Api,
    private readonly secret: string,
  ) {}

  async send(
    chatId: string,
    reply: Reply,
    opts: { editMessageId?: string; topic?: string | null },
  ): Promise<SendResult> {
    // A connection that broke under the request (a kept-alive socket the server had just closed)
    // is tried again at once, twice; then the failure goes to the outbox's backoff.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#send(chatId, reply, opts);
      } catch (error) {
        if (!(error instanceof HttpError) || attempt >= 3) throw error;
      }
    }
  }

  async #send(
    chatId: string,
    reply: Reply,
    opts: { editMessageId?: string; topic?: string | null },
  ): Promise<SendResult> {
    // Private messages are addressed "user:<id>"; a user's private chat with the bot has their id.
    const chat = chatId.startsWith("user:") ? chatId.slice("user:".length) : chatId;
    try {
      if (opts.editMessageId) {
        const keyboard = renderKeyboard(reply, this.secret);
        try {
          await this.api.editMessageText(chat, Number(opts.editMessageId), renderHtml(reply), {
            parse_mode: "HTML",
            ...(keyboard ? { reply_markup: keyboard } : {}),
          });
          return { messageId: opts.editMessageId };
        } catch (error) {
          // Nothing changed since the last edit: that is success.
          if (error instanceof GrammyError && error.description.includes("message is not modified"))
            return { messageId: opts.editMessageId };
          if (error instanceof GrammyError && error.error_code === 400 && EDIT_GONE.test(error.description))
            throw new EditTargetGone(error.description);
          throw error;
        }
      }
      const sent = await sendReply(
        this.api,
        chat,
        reply,
        this.secret,
        opts.topic ? { topic: Number(opts.topic) } : {},
      );
      const link = messageLink(chat, sent.message_id);
      return { messageId: String(sent.message_id), ...(link ? { link } : {}) };
    } catch (error) {
      throw classify(error);
    }
  }
}

/** Telegram's error as the delivery worker's kind of failure (unknown ones pass as they are). */
function classify(error: unknown): unknown {
  if (!(error instanceof GrammyError)) return error;
  const { error_code: code, description, parameters } = error;
  if (code === 429) return new RateLimited((parameters.retry_after ?? 1) * 1000, "chat");
  if (parameters.migrate_to_chat_id) return new ChatMigrated(String(parameters.migrate_to_chat_id));
  // 403: blocked, never started, deactivated (a person) or kicked, not a member (a group).
  if (code === 403) return new DeliveryRefused("chat-gone", description);
  if (code === 400 && CHAT_NOT_FOUND.test(description)) return new DeliveryRefused("chat-gone", description);
  if (code === 400) return new DeliveryRefused("rejected", description);
  return error;
}

/** Telegram's limits (characters after entity parsing; the HTML is measured, which is never less). */
export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;
const measureHtml = (segments: readonly Segment[]) => renderHtml({ segments: [...segments] }).length;

/**
 * Sends a reply: text, or a document or photo (exports, charts) with the text as its caption. Text
 * longer than Telegram takes goes as several messages cut between lines (tags never split); a
 * caption too long keeps what fits and the rest follows as messages. Buttons go on the last one.
 * Returns the last message sent.
 */
export async function sendReply(
  api: Api,
  chatId: string | number,
  reply: Reply,
  secret: string,
  opts: { question?: boolean; replyTo?: number; topic?: number } = {},
) {
  const file = reply.attachment;
  let texts = splitReply(reply, TEXT_LIMIT, measureHtml);
  let sent: { message_id: number } | undefined;
  if (file) {
    const [caption, ...more] = splitReply(reply, CAPTION_LIMIT, measureHtml);
    const rest = more.flatMap((part, i) => (i === 0 ? part.segments : [{ text: "\n" }, ...part.segments]));
    texts =
      rest.length > 0
        ? splitReply(
            { segments: rest, ...(reply.buttons ? { buttons: reply.buttons } : {}) },
            TEXT_LIMIT,
            measureHtml,
          )
        : [];
    const first = caption ?? reply;
    const keyboard = texts.length === 0 ? renderKeyboard(reply, secret) : undefined;
    const input = new InputFile(file.path, file.filename);
    const extra = {
      parse_mode: "HTML" as const,
      ...(opts.topic ? { message_thread_id: opts.topic } : {}),
      caption: renderHtml(first),
      ...(keyboard ? { reply_markup: keyboard } : {}),
    };
    sent = await (file.kind === "image"
      ? api.sendPhoto(chatId, input, extra)
      : api.sendDocument(chatId, input, extra));
  }
  for (const [i, part] of texts.entries()) {
    const keyboard = renderKeyboard(part, secret);
    const last = i === texts.length - 1;
    const question = opts.question && last ? { force_reply: true as const, selective: true } : undefined;
    sent = await api.sendMessage(chatId, renderHtml(part), {
      parse_mode: "HTML",
      ...(opts.topic ? { message_thread_id: opts.topic } : {}),
      ...(keyboard ? { reply_markup: keyboard } : question ? { reply_markup: question } : {}),
      ...(i === 0 && opts.replyTo
        ? { reply_parameters: { message_id: opts.replyTo, allow_sending_without_reply: true } }
        : {}),
    });
  }
  if (!sent) throw new Error("nothing to send");
  return sent;
}

/**
 * A supergroup's message as its members open it: t.me/c/<id without -100>/<message>. Basic groups
 * and private chats have no such links.
 */
export function messageLink(chatId: string, messageId: number): string | null {
  return chatId.startsWith("-100") ? `https://t.me/c/${chatId.slice(4)}/${messageId}` : null;
}

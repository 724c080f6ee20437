// The delivery worker's way into Telegram: send, or edit an announcement in place. It has its own
// Api without auto-retry, so a 429 goes straight back to the outbox (which waits exactly as asked)
// instead of stalling a delivery slot. Telegram's answers are classified for the worker: 403 and
// "chat not found" mean the person or group is out of reach, a group upgraded to a supergroup
// says where it went, a deleted announcement is posted afresh, other 400s are the content's fault.
import { type Api, GrammyError, InputFile } from "grammy";
import type { Reply } from "../../core/reply.js";
import {
  ChatMigrated,
  DeliveryRefused,
  EditTargetGone,
  RateLimited,
  type Sender,
  type SendResult,
} from "../../delivery/sender.js";
import { renderHtml, renderKeyboard } from "./render-html.js";

const EDIT_GONE = /message to edit not found|MESSAGE_ID_INVALID|message can't be edited/i;
const CHAT_NOT_FOUND = /chat not found|PEER_ID_INVALID|user not found/i;

export class TelegramSender implements Sender {
  readonly platform = "telegram" as const;

  constructor(
    private readonly api: Api,
    private readonly secret: string,
  ) {}

  async send(chatId: string, reply: Reply, opts: { editMessageId?: string }): Promise<SendResult> {
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
      const sent = await sendReply(this.api, chat, reply, this.secret);
      return { messageId: String(sent.message_id) };
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

/** Sends a reply: text, or a document or photo (exports, charts) with the text as its caption. */
export async function sendReply(api: Api, chatId: string | number, reply: Reply, secret: string) {
  const text = renderHtml(reply);
  const keyboard = renderKeyboard(reply, secret);
  const extra = { parse_mode: "HTML" as const, ...(keyboard ? { reply_markup: keyboard } : {}) };
  const file = reply.attachment;
  if (file) {
    const input = new InputFile(file.path, file.filename);
    const caption = { ...extra, caption: text.slice(0, 1024) };
    return file.kind === "image"
      ? api.sendPhoto(chatId, input, caption)
      : api.sendDocument(chatId, input, caption);
  }
  return api.sendMessage(chatId, text, extra);
}

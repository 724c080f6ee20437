// The delivery worker's way into Telegram: send, or edit an announcement in place. A 429 becomes
// RateLimited with Telegram's retry_after, so the outbox waits exactly as asked.
import { type Api, GrammyError, InputFile } from "grammy";
import type { Reply } from "../../core/reply.js";
import { RateLimited, type Sender, type SendResult } from "../../delivery/sender.js";
import { renderHtml, renderKeyboard } from "./render-html.js";

export class TelegramSender implements Sender {
  readonly platform = "telegram" as const;

  constructor(
    private readonly api: Api,
    private readonly secret: string,
  ) {}

  async send(chatId: string, reply: Reply, opts: { editMessageId?: string }): Promise<SendResult> {
    // Private messages are addressed "user:<id>"; a user's private chat with the bot has their id.
    const chat = chatId.startsWith("user:") ? chatId.slice("user:".length) : chatId;
    const text = renderHtml(reply);
    const keyboard = renderKeyboard(reply, this.secret);
    try {
      if (opts.editMessageId) {
        try {
          await this.api.editMessageText(chat, Number(opts.editMessageId), text, {
            parse_mode: "HTML",
            ...(keyboard ? { reply_markup: keyboard } : {}),
          });
          return { messageId: opts.editMessageId };
        } catch (error) {
          // Nothing changed since the last edit: that is success.
          if (error instanceof GrammyError && error.description.includes("message is not modified"))
            return { messageId: opts.editMessageId };
          throw error;
        }
      }
      const sent = await sendReply(this.api, chat, reply, this.secret);
      return { messageId: String(sent.message_id) };
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 429) {
        throw new RateLimited(((error.parameters.retry_after as number | undefined) ?? 1) * 1000);
      }
      throw error;
    }
  }
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

// The delivery worker's way into Telegram: send, or edit an announcement in place. A 429 becomes
// RateLimited with Telegram's retry_after, so the outbox waits exactly as asked.
import { type Api, GrammyError } from "grammy";
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
      const sent = await this.api.sendMessage(chat, text, {
        parse_mode: "HTML",
        ...(keyboard ? { reply_markup: keyboard } : {}),
      });
      return { messageId: String(sent.message_id) };
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 429) {
        throw new RateLimited(((error.parameters.retry_after as number | undefined) ?? 1) * 1000);
      }
      throw error;
    }
  }
}

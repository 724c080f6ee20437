// The delivery worker's way into Slack: chat.postMessage, or chat.update for an announcement.
// Private messages ("user:U…") go to the person's direct messages. A rate limit becomes
// RateLimited with Slack's Retry-After, so the outbox waits exactly as asked.
import { ErrorCode, type WebClient } from "@slack/web-api";
import type { Reply } from "../../core/reply.js";
import { replyText } from "../../core/reply.js";
import { RateLimited, type Sender, type SendResult } from "../../delivery/sender.js";
import { renderBlocks } from "./render-blocks.js";

export class SlackSender implements Sender {
  readonly platform = "slack" as const;

  constructor(
    private readonly client: WebClient,
    private readonly secret: string,
  ) {}

  async send(chatId: string, reply: Reply, opts: { editMessageId?: string }): Promise<SendResult> {
    const channel = chatId.startsWith("user:") ? chatId.slice("user:".length) : chatId;
    const message = {
      channel,
      text: replyText(reply).slice(0, 3000),
      blocks: renderBlocks(reply, this.secret),
    };
    try {
      if (reply.attachment) {
        await this.client.filesUploadV2({
          channel_id: channel,
          file: reply.attachment.path,
          filename: reply.attachment.filename,
          initial_comment: message.text,
        });
        return { messageId: `file:${reply.attachment.filename}` };
      }
      if (opts.editMessageId) {
        await this.client.chat.update({ ...message, ts: opts.editMessageId });
        return { messageId: opts.editMessageId };
      }
      const posted = await this.client.chat.postMessage(message);
      return { messageId: String(posted.ts) };
    } catch (error) {
      const e = error as { code?: string; retryAfter?: number };
      if (e.code === ErrorCode.RateLimitedError) throw new RateLimited((e.retryAfter ?? 1) * 1000);
      throw error;
    }
  }
}

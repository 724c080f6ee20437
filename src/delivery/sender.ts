// What a platform adapter offers the delivery worker: send a neutral Reply to a chat, or edit
// the message an earlier version of the same announcement was posted as.
import type { Platform } from "../core/incoming.js";
import type { Reply } from "../core/reply.js";

export interface SendResult {
  messageId: string;
}

export interface Sender {
  readonly platform: Platform;
  send(chatId: string, reply: Reply, opts: { editMessageId?: string }): Promise<SendResult>;
}

/** A platform's "too many requests" (HTTP 429) with the wait it asked for. */
export class RateLimited extends Error {
  override name = "RateLimited";

  constructor(readonly retryAfterMs: number) {
    super(`rate limited, retry after ${retryAfterMs} ms`);
  }
}

// What a platform adapter offers the delivery worker: send a neutral Reply to a chat, or edit
// the message an earlier version of the same announcement was posted as. A sender says how a
// send failed by the error it throws: the worker decides from that alone whether to wait, retry,
// follow the chat elsewhere or give up. Anything else thrown is taken as transient.
import type { Platform } from "../core/incoming.js";
import type { Reply } from "../core/reply.js";
import type { SendLimits } from "./platform-limits.js";

export interface SendResult {
  messageId: string;
  /** Where a member opens the message, when the platform has such links (not for private chats). */
  link?: string;
}

export interface Sender {
  readonly platform: Platform;
  /** How fast this platform may be sent to; none: as fast as the worker goes (the console). */
  readonly limits?: SendLimits;
  /** `topic`: the forum topic to post in (Telegram's message_thread_id), where the chat has them. */
  send(
    chatId: string,
    reply: Reply,
    opts: { editMessageId?: string; topic?: string | null },
  ): Promise<SendResult>;
}

/** A platform's "too many requests" (HTTP 429) with the wait it asked for. */
export class RateLimited extends Error {
  override name = "RateLimited";

  constructor(
    readonly retryAfterMs: number,
    /** "platform": the whole bot must wait (Slack's per-method limit); "chat": only this chat. */
    readonly scope: "chat" | "platform" = "chat",
  ) {
    super(`rate limited (${scope}), retry after ${retryAfterMs} ms`);
  }
}

/**
 * Why a send can never succeed as it is: the person cannot be reached privately (never started
 * the bot, blocked it, deactivated), the bot can no longer post in the chat (removed, chat deleted,
 * channel archived), or the platform refused the content itself.
 */
export type RefusalKind = "unreachable" | "chat-gone" | "rejected";

export class DeliveryRefused extends Error {
  override name = "DeliveryRefused";

  constructor(
    readonly kind: RefusalKind,
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
  }
}

/** A Telegram group became a supergroup: the chat now has another id; resend there. */
export class ChatMigrated extends Error {
  override name = "ChatMigrated";

  constructor(readonly newChatId: string) {
    super(`chat migrated to ${newChatId}`);
  }
}

/** The message an announcement was posted as is gone (deleted): post a fresh one instead. */
export class EditTargetGone extends Error {
  override name = "EditTargetGone";
}

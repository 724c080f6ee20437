// What a failed send means for the message, from the typed errors the senders throw. Anything a
// sender did not classify (network errors, 5xx, timeouts) is transient: retried with backoff up
// to a cap, then dead-lettered.
import { ChatMigrated, DeliveryRefused, EditTargetGone, RateLimited } from "./sender.js";

export type Failure =
  | { kind: "rate-limited"; retryAfterMs: number; scope: "chat" | "platform" }
  | { kind: "migrated"; newChatId: string }
  | { kind: "edit-gone" }
  | { kind: "unreachable"; detail: string }
  | { kind: "chat-gone"; detail: string }
  | { kind: "rejected"; detail: string }
  | { kind: "transient" };

export function failureOf(error: unknown): Failure {
  if (error instanceof RateLimited)
    return { kind: "rate-limited", retryAfterMs: error.retryAfterMs, scope: error.scope };
  if (error instanceof ChatMigrated) return { kind: "migrated", newChatId: error.newChatId };
  if (error instanceof EditTargetGone) return { kind: "edit-gone" };
  if (error instanceof DeliveryRefused) return { kind: error.kind, detail: error.detail };
  return { kind: "transient" };
}

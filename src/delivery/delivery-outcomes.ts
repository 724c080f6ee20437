// What a failed send means for the message, from the typed errors the senders throw, and the
// record brought up to date accordingly: wait as asked, follow a migrated chat, post afresh, end
// the messages of a person or chat out of reach (and say so once), or retry with backoff up to a
// cap and then dead-letter. Anything a sender did not classify (network errors, 5xx, timeouts)
// is transient.
import type { Clock } from "../core/clock.js";
import type { Translate } from "../core/i18n.js";
import type { Platform } from "../core/incoming.js";
import type { Logger } from "../core/logger.js";
import type { ServiceScope } from "../service-scope.js";
import type { OutboxRow } from "./outbox-service.js";
import { ChatMigrated, DeliveryRefused, EditTargetGone, RateLimited } from "./sender.js";

export const MAX_ATTEMPTS = 8;
const BASE_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 15 * 60_000;

/**
 * What the worker does next in the chat: "next" message; "retry" this one now (its target moved);
 * or stop the chat, putting the rest back until `until` (the failed message too unless `consumed`).
 */
export type Next = "next" | "retry" | { until?: Date; consumed: boolean };

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

export class DeliveryOutcomes {
  constructor(
    private readonly scope: ServiceScope,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: {
      maxAttempts: number;
      wallClock: () => number;
      t?: Translate;
      /** Kinds that one failed try ends. */
      isBestEffort: (kind: string) => boolean;
    },
  ) {}

  /** What follows a failed send of `row`, with the record brought up to date. */
  async settle(row: OutboxRow, failure: Failure, error: unknown): Promise<Next> {
    const now = this.clock.now();
    const log = { outbox: row.id, platform: row.platform, chat: row.chatId, err: error };
    // A private chat that is "gone" is a person out of reach, and the other way round.
    const isPrivate = row.chatId.startsWith("user:");
    if (failure.kind === "chat-gone" && isPrivate) failure = { kind: "unreachable", detail: failure.detail };
    if (failure.kind === "unreachable" && !isPrivate) failure = { kind: "chat-gone", detail: failure.detail };
    switch (failure.kind) {
      case "rate-limited":
        // Not a failure: the platform said how long to wait.
        if (failure.scope === "platform")
          await this.scope.read((s) =>
            s.outbox.holdPace(row.platform as Platform, this.options.wallClock() + failure.retryAfterMs),
          );
        return { until: new Date(now.getTime() + failure.retryAfterMs), consumed: false };
      case "migrated":
        this.logger.info({ ...log, to: failure.newChatId }, "chat migrated; following it");
        await this.scope.transaction((s) =>
          s.outbox.chatMigrated(row.platform, row.chatId, failure.newChatId, now),
        );
        row.chatId = failure.newChatId;
        return "retry";
      case "edit-gone":
        await this.scope.transaction((s) =>
          s.outbox.forgetPosted(row.platform, row.chatId, row.replaceKey ?? ""),
        );
        return "retry";
      case "unreachable":
        this.logger.warn(log, "person cannot be messaged privately; marked unreachable");
        await this.scope.transaction((s) =>
          s.outbox.personUnreachable(row.platform, row.chatId, failure.detail, now),
        );
        return { consumed: true };
      case "chat-gone":
        this.logger.warn(log, "bot can no longer post in this chat; unbound");
        await this.scope.transaction((s) =>
          s.outbox.chatGoneTellingBinder(row.platform, row.chatId, failure.detail, now, this.options.t),
        );
        return { consumed: true };
      case "rejected":
        this.logger.error(log, "platform refused the message; not retried");
        await this.scope.transaction((s) =>
          s.outbox.markDead({ ids: [row.id] }, "rejected", failure.detail, now),
        );
        return "next";
      case "transient": {
        const attempts = row.attempts + 1;
        if (this.options.isBestEffort(row.kind)) {
          this.logger.warn({ ...log, attempts }, "best-effort message not delivered; not retried");
          await this.scope.transaction((s) =>
            s.outbox.markDead({ ids: [row.id] }, "gave-up", String(error), now),
          );
          return "next";
        }
        if (attempts >= this.options.maxAttempts) {
          this.logger.error({ ...log, attempts }, "delivery gave up after retries; dead-lettered");
          await this.scope.transaction((s) =>
            s.outbox.markDead({ ids: [row.id] }, "gave-up", String(error), now),
          );
          return "next";
        }
        // Exponential backoff with jitter, so a platform coming back is not hit by everyone at once.
        const backoff =
          Math.min(MAX_BACKOFF_MS, 2 ** row.attempts * BASE_BACKOFF_MS) * (0.8 + Math.random() * 0.4);
        const retryAt = new Date(now.getTime() + backoff);
        this.logger.warn({ ...log, attempts }, "delivery failed, will retry");
        await this.scope.transaction((s) => s.outbox.markFailed(row.id, String(error), retryAt));
        // The chat's later messages wait for it, so they do not overtake it.
        return { until: retryAt, consumed: true };
      }
    }
  }
}

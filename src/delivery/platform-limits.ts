// How fast the bot may post, as data each adapter declares (its limits.ts), and the generic cell
// rate algorithm (GCRA) that paces sends against them. Each limit is a key ("telegram", "telegram:chat:-100…") with a
// theoretical arrival time (TAT) kept in the database, so every instance on one database shares
// it (src/delivery/pace-repository.ts runs the same arithmetic in one SQL statement).
import type { Platform } from "../core/incoming.js";

export interface PaceRule {
  /** Which key the rule counts on. */
  scope: "platform" | "chat" | "group";
  /** Emission interval: the even spacing between two messages, in ms. */
  intervalMs: number;
  /** Burst tolerance in ms: how far ahead of the spacing a burst may run (0: none). */
  burstMs: number;
  /** For a "group" rule: the chat ids that are groups (private chats have no per-group cap). */
  groupChats?: RegExp;
}

/** What an adapter declares of its platform's sending limits (see src/adapters/contract.ts). */
export interface SendLimits {
  /** The rules every send waits on, in order. */
  pace: readonly PaceRule[];
  /** Chats sent to at once, by default (DELIVERY_CONCURRENCY_<PLATFORM> overrides it). */
  concurrency: number;
}

/** The pace key a rule counts on for a message to `chatId`, or null when it does not apply. */
export function paceKey(platform: Platform, rule: PaceRule, chatId: string): string | null {
  if (rule.scope === "platform") return platform;
  if (rule.scope === "group") return rule.groupChats?.test(chatId) ? `${platform}:group:${chatId}` : null;
  return `${platform}:chat:${chatId}`;
}

export interface PaceGrant {
  granted: boolean;
  /** ms from now until the message may be sent (granted), or until it could be (refused). */
  waitMs: number;
  /** The key's TAT after this call. */
  tat: number;
}

/**
 * One GCRA step: the earliest conforming time for a message arriving at `now` is
 * max(now, TAT − burst); the slot is granted when that is at most `maxWaitMs` away, and the TAT
 * moves to max(TAT, now) + interval. Refused, nothing changes.
 */
export function gcra(tat: number | null, now: number, rule: PaceRule, maxWaitMs: number): PaceGrant {
  const current = tat ?? now;
  const waitMs = Math.max(0, current - rule.burstMs - now);
  if (waitMs > maxWaitMs) return { granted: false, waitMs, tat: current };
  return { granted: true, waitMs, tat: Math.max(current, now) + rule.intervalMs };
}

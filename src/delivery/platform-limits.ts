// How fast the bot may post, per platform, as data (Telegram: ~30 messages/s per bot, 20/min per
// group, ~1/s per chat; Slack: ~1/s per channel), and the generic cell rate algorithm (GCRA) that
// paces sends against them. Each limit is a key ("telegram", "telegram:chat:-100…") with a
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
}

export const PLATFORM_LIMITS: Record<Platform, readonly PaceRule[]> = {
  telegram: [
    // 20 a minute in a group: a burst of 20, then one every 3 s.
    { scope: "group", intervalMs: 3_000, burstMs: 19 * 3_000 },
    { scope: "chat", intervalMs: 1_000, burstMs: 0 },
    // 30 a second for the bot: spaced 35 ms apart (28.6/s), so a sliding window on the
    // platform's side never sees 31 even when a send leaves up to 50 ms late (a busy event loop,
    // a slow database) and the ones after it leave on time — measured: 34 ms let one in 1,000 through.
    { scope: "platform", intervalMs: 35, burstMs: 0 },
  ],
  slack: [
    { scope: "chat", intervalMs: 1_000, burstMs: 0 },
    // Slack publishes no workspace-wide figure for chat.postMessage; 50/s keeps bursts sane.
    { scope: "platform", intervalMs: 20, burstMs: 0 },
  ],
  console: [],
};

/** The pace key a rule counts on for a message to `chatId`, or null when it does not apply. */
export function paceKey(platform: Platform, rule: PaceRule, chatId: string): string | null {
  if (rule.scope === "platform") return platform;
  // Telegram group ids are negative; private chats ("user:…") have no per-minute group cap.
  if (rule.scope === "group")
    return platform === "telegram" && chatId.startsWith("-") ? `${platform}:group:${chatId}` : null;
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

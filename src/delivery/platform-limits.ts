// How fast the bot may post, per platform (Telegram: ~30 messages/s per bot, 20/min per group,
// ~1/s per chat; Slack: ~1/s per channel), enforced before each send so the platform rarely has
// to answer 429. Limits are per process; with several instances, each claims its own messages
// and the platform's 429 with retry_after remains the backstop.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Platform } from "../core/incoming.js";

interface Limit {
  points: number;
  /** Seconds. */
  duration: number;
  scope: "platform" | "chat";
}

export const PLATFORM_LIMITS: Record<Platform, Limit[]> = {
  telegram: [
    { points: 30, duration: 1, scope: "platform" },
    { points: 1, duration: 1, scope: "chat" },
    { points: 20, duration: 60, scope: "chat" },
  ],
  slack: [{ points: 1, duration: 1, scope: "chat" }],
  console: [],
};

/**
 * Even spacing between any two messages of a platform, so the per-second budget is spent
 * smoothly instead of in bursts that a sliding window on the platform's side would refuse.
 */
export const PLATFORM_SPACING_MS: Record<Platform, number> = { telegram: 34, slack: 0, console: 0 };

export class DeliveryThrottle {
  readonly #limiters = new Map<Platform, { limit: Limit; limiter: RateLimiterMemory }[]>();
  readonly #nextSlot = new Map<Platform, number>();

  constructor(
    limits: Record<Platform, Limit[]> = PLATFORM_LIMITS,
    private readonly spacing: Record<Platform, number> = limits === PLATFORM_LIMITS
      ? PLATFORM_SPACING_MS
      : { telegram: 0, slack: 0, console: 0 },
  ) {
    for (const [platform, list] of Object.entries(limits) as [Platform, Limit[]][]) {
      this.#limiters.set(
        platform,
        list.map((limit) => ({
          limit,
          limiter: new RateLimiterMemory({ points: limit.points, duration: limit.duration }),
        })),
      );
    }
  }

  /** 0 when a message may go to the chat now; otherwise how many ms to wait. Takes no quota then. */
  async reserve(platform: Platform, chatId: string): Promise<number> {
    const limiters = this.#limiters.get(platform) ?? [];
    const now = Date.now();
    let wait = Math.max(0, (this.#nextSlot.get(platform) ?? 0) - now);
    for (const { limit, limiter } of limiters) {
      const res = await limiter.get(limit.scope === "platform" ? platform : `${platform}:${chatId}`);
      if (res && res.remainingPoints <= 0) wait = Math.max(wait, res.msBeforeNext);
    }
    if (wait > 0) return wait;
    this.#nextSlot.set(platform, now + (this.spacing[platform] ?? 0));
    for (const { limit, limiter } of limiters) {
      try {
        await limiter.consume(limit.scope === "platform" ? platform : `${platform}:${chatId}`);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return Math.max(1, rejection.msBeforeNext);
        throw rejection;
      }
    }
    return 0;
  }
}

// Telegram's sending limits as data: ~30 messages/s per bot, 20/min per group, ~1/s per chat.
import type { SendLimits } from "../../delivery/platform-limits.js";

export const TELEGRAM_LIMITS: SendLimits = {
  pace: [
    // 20 a minute in a group: a burst of 20, then one every 3 s. Group ids are negative.
    { scope: "group", intervalMs: 3_000, burstMs: 19 * 3_000, groupChats: /^-/ },
    { scope: "chat", intervalMs: 1_000, burstMs: 0 },
    // 30 a second for the bot: spaced 35 ms apart (28.6/s), so a sliding window on the
    // platform's side never sees 31 even when a send leaves up to 50 ms late (a busy event loop,
    // a slow database) and the ones after it leave on time (docs/operations.md has the measure).
    { scope: "platform", intervalMs: 35, burstMs: 0 },
  ],
  // At ~250 ms per API call, 16 chats at once keep up with 30 messages a second.
  concurrency: 16,
};

// Slack's sending limits as data: chat.postMessage ~1/s per channel.
import type { SendLimits } from "../../delivery/platform-limits.js";

export const SLACK_LIMITS: SendLimits = {
  pace: [
    { scope: "chat", intervalMs: 1_000, burstMs: 0 },
    // Slack publishes no workspace-wide figure for chat.postMessage; 50/s keeps bursts sane.
    { scope: "platform", intervalMs: 20, burstMs: 0 },
  ],
  concurrency: 8,
};

import { describe, expect, it } from "vitest";
import { SLACK_LIMITS } from "../../src/adapters/slack/limits.js";
import { TELEGRAM_LIMITS } from "../../src/adapters/telegram/limits.js";
import { gcra, type PaceRule, paceKey } from "../../src/delivery/platform-limits.js";

const perSecond: PaceRule = { scope: "chat", intervalMs: 1_000, burstMs: 0 };
const perMinuteBurst: PaceRule = { scope: "group", intervalMs: 3_000, burstMs: 57_000 };
const rule = (scope: PaceRule["scope"]) => TELEGRAM_LIMITS.pace.find((r) => r.scope === scope) as PaceRule;

/** Messages arriving at these instants, each taking its slot; the waits they were given. */
function waits(r: PaceRule, arrivals: number[], maxWait = Number.POSITIVE_INFINITY) {
  let tat: number | null = null;
  return arrivals.map((now) => {
    const grant = gcra(tat, now, r, maxWait);
    tat = grant.tat;
    return grant.granted ? grant.waitMs : -grant.waitMs;
  });
}

describe("pacing sends within a platform's limits (GCRA)", () => {
  it.each([
    ["the first message to a chat goes at once", perSecond, [0], [0]],
    ["a second message in the same second waits for the rest of it", perSecond, [0, 200], [0, 800]],
    ["messages a second apart never wait", perSecond, [0, 1_000, 2_000], [0, 0, 0]],
    ["three at once are spaced a second apart", perSecond, [0, 0, 0], [0, 1_000, 2_000]],
    ["a quiet spell does not bank a burst", perSecond, [0, 10_000, 10_000], [0, 0, 1_000]],
    ["a group takes 20 at once", perMinuteBurst, Array(20).fill(0), Array(20).fill(0)],
    ["the 21st in a minute waits 3 s", perMinuteBurst, Array(21).fill(0), [...Array(20).fill(0), 3_000]],
    [
      "the burst refills one message every 3 s",
      perMinuteBurst,
      [...Array(20).fill(0), 6_000, 6_000],
      [...Array(20).fill(0), 0, 0],
    ],
  ])("%s", (_name, r, arrivals, expected) => {
    expect(waits(r, arrivals)).toEqual(expected);
  });

  it("refuses a slot that is further away than the caller will wait, and keeps the state", () => {
    const first = gcra(null, 0, perSecond, 500);
    const refused = gcra(first.tat, 100, perSecond, 500);
    expect(refused).toEqual({ granted: false, waitMs: 900, tat: first.tat });
    expect(gcra(refused.tat, 1_000, perSecond, 500)).toMatchObject({ granted: true, waitMs: 0 });
  });

  it("spaces a Telegram bot's messages so no second ever holds more than 30", () => {
    const platform = rule("platform");
    let tat: number | null = null;
    const sendTimes: number[] = [];
    for (let i = 0; i < 100; i++) {
      const grant = gcra(tat, 0, platform, Number.POSITIVE_INFINITY);
      tat = grant.tat;
      sendTimes.push(grant.waitMs);
    }
    const busiest = Math.max(
      ...sendTimes.map((t) => sendTimes.filter((u) => u >= t && u < t + 1_000).length),
    );
    expect(busiest).toBeLessThanOrEqual(30);
    expect(busiest).toBeGreaterThanOrEqual(29);
  });

  it.each([
    ["telegram", "platform", "-1001234", "telegram"],
    ["telegram", "chat", "-1001234", "telegram:chat:-1001234"],
    ["telegram", "group", "-1001234", "telegram:group:-1001234"],
    ["telegram", "group", "user:42", null],
    ["slack", "chat", "C0123", "slack:chat:C0123"],
  ] as const)("keys %s %s limits for chat %s as %s", (platform, scope, chat, key) => {
    const limits = platform === "telegram" ? TELEGRAM_LIMITS : SLACK_LIMITS;
    const declared = limits.pace.find((r) => r.scope === scope) as PaceRule;
    expect(paceKey(platform, declared, chat)).toBe(key);
  });
});

import { describe, expect, it } from "vitest";
import { DeliveryThrottle, PLATFORM_LIMITS } from "../../src/delivery/platform-limits.js";

/** The limits alone, without the even spacing between messages. */
const limitsOnly = () => new DeliveryThrottle(PLATFORM_LIMITS, { telegram: 0, slack: 0, console: 0 });

describe("posting within each platform's limits", () => {
  it("lets one message a second into a Telegram chat and asks the next to wait", async () => {
    const throttle = limitsOnly();
    expect(await throttle.reserve("telegram", "-100123")).toBe(0);
    const wait = await throttle.reserve("telegram", "-100123");
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(1000);
    expect(await throttle.reserve("telegram", "-100456")).toBe(0);
  });

  it("caps a Telegram bot at 30 messages a second across chats", async () => {
    const throttle = limitsOnly();
    const waits = [];
    for (let i = 0; i < 31; i++) waits.push(await throttle.reserve("telegram", `chat-${i}`));
    expect(waits.slice(0, 30).every((w) => w === 0)).toBe(true);
    expect(waits[30]).toBeGreaterThan(0);
  });

  it("caps a Telegram group at 20 messages a minute", async () => {
    const throttle = new DeliveryThrottle({
      telegram: [{ points: 20, duration: 60, scope: "chat" }],
      slack: [],
      console: [],
    });
    for (let i = 0; i < 20; i++) expect(await throttle.reserve("telegram", "-100789")).toBe(0);
    expect(await throttle.reserve("telegram", "-100789")).toBeGreaterThan(50_000);
  });

  it("does not limit the console", async () => {
    const throttle = new DeliveryThrottle();
    for (let i = 0; i < 100; i++) expect(await throttle.reserve("console", "room")).toBe(0);
  });

  it("spaces Telegram messages evenly, about 34 ms apart, so no second ever holds more than 30", async () => {
    const throttle = new DeliveryThrottle();
    expect(await throttle.reserve("telegram", "chat-a")).toBe(0);
    const wait = await throttle.reserve("telegram", "chat-b");
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(34);
    await new Promise((resolve) => setTimeout(resolve, wait + 1));
    expect(await throttle.reserve("telegram", "chat-b")).toBe(0);
  });
});

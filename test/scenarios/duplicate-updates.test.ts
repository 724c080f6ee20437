import { describe, expect } from "vitest";
import { test } from "../support/fixture.js";
import { startTestBot, type TestBot, texts } from "../support/test-bot.js";
import { buildWorld } from "../support/world.js";

describe("an update delivered twice is applied once", () => {
  let bot: TestBot;
  test.override({ botOptions: { platform: "telegram" } });
  test.beforeEach(async ({ bot: started }) => {
    bot = started;
  });

  test("applies a redelivered update once and stays silent the second time", async () => {
    const user = bot.user("10001", "马红");
    expect(texts(await user.says("/lang en", { updateId: "777" }))).toEqual(["Language set to English."]);
    expect(await user.says("/lang en", { updateId: "777" })).toEqual([]);
    expect(await bot.prisma.processedUpdate.count()).toBe(1);
    expect(await bot.prisma.person.count()).toBe(1);
  });

  test("sends a redelivered read-only command's file once: /export runs outside a transaction", async () => {
    const world = await buildWorld(bot);
    const dm = world.secretaryA.in({ platform: "telegram", id: "li-jianguo", kind: "private" });
    const [first] = await dm.says("/export 季", { updateId: "4242" });
    expect(first?.attachment?.filename).toMatch(/台账\.xlsx$/);
    expect(await dm.says("/export 季", { updateId: "4242" })).toEqual([]);
  });

  test("applies concurrent deliveries of the same update once", async () => {
    const user = bot.user("10002", "高峰");
    const results = await Promise.all(
      Array.from({ length: 8 }, () => user.says("/lang en", { updateId: "900" })),
    );
    expect(results.filter((r) => r.length > 0)).toHaveLength(1);
    expect(await bot.prisma.processedUpdate.count()).toBe(1);
  });

  test("applies different updates from the same person each once", async () => {
    const user = bot.user("10003", "林静");
    await user.says("/lang en", { updateId: "1" });
    await user.says("/lang zh", { updateId: "2" });
    const person = await bot.prisma.person.findFirstOrThrow();
    expect(person.locale).toBe("zh-CN");
    expect(await bot.prisma.processedUpdate.count()).toBe(2);
  });
});

describe("first contact racing with itself", () => {
  test("creates one person when a new member's first two messages arrive at the same moment", async () => {
    const bot = await startTestBot({ platform: "telegram" });
    try {
      const user = bot.user("20001", "郑华");
      const results = await Promise.all([
        user.says("/lang en", { updateId: "a1" }),
        user.says("/lang en", { updateId: "a2" }),
        user.says("/lang en", { updateId: "a3" }),
      ]);
      expect(results.map(texts)).toEqual(Array(3).fill(["Language set to English."]));
      expect(await bot.prisma.person.count()).toBe(1);
      expect(await bot.prisma.platformAccount.count()).toBe(1);
    } finally {
      await bot.close();
    }
  });
});

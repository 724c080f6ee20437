import { describe, expect } from "vitest";
import { seedDemo } from "../../src/demo/demo-seed.js";
import { test } from "../support/fixture.js";
import { joined } from "../support/replies.js";
import type { TestBot } from "../support/test-bot.js";

describe("npm run demo's sample world", () => {
  let bot: TestBot;
  test.beforeEach(async ({ bot: started }) => {
    bot = started;
  });

  test("seeds a street committee, two branches with groups and 30 members, once", async () => {
    expect(await seedDemo(bot.app.services, bot.clock.now())).toBe(true);
    expect(await seedDemo(bot.app.services, bot.clock.now())).toBe(false);
    expect(await bot.prisma.member.count()).toBe(30);
    expect(await bot.prisma.organization.count({ where: { kind: "group" } })).toBe(4);
    expect(await bot.prisma.chat.count({ where: { organizationId: { not: null } } })).toBe(2);
  });

  test("opens as the secretary of 幸福里, who sees the roster with statuses", async () => {
    await seedDemo(bot.app.services, bot.clock.now());
    const secretary = bot.user("lijianguo", "李建国").in(bot.group("幸福里党员群"));
    const roster = joined(await secretary.says("/members"));
    expect(roster).toContain("共 15 人：正式党员 13 人，预备党员 2 人");
    expect(roster).toContain("刘洋（预备党员，第二党小组）");
    expect(joined(await bot.user("wangfang", "王芳").says("/profile"))).toContain("党小组组长（第一党小组）");
  });
});

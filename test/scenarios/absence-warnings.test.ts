import { describe, expect } from "vitest";
import { test } from "../support/fixture.js";
import { joined } from "../support/replies.js";
import { testScheduler } from "../support/scheduling.js";
import type { TestBot, TestUser } from "../support/test-bot.js";
import { enrol, type World } from "../support/world.js";

describe("absence warnings (黄橙红) for the secretary's eyes only", () => {
  let bot: TestBot;
  let world: World;
  let attendee: TestUser;
  let absentee: TestUser;
  let excused: TestUser;

  /** Holds one closed party lesson in the given month, with who came and who was excused. */
  async function monthlyLesson(month: number, came: TestUser[], excusedNow: TestUser[] = []) {
    const m = String(month).padStart(2, "0");
    bot.clock.set(`2026-${m}-01T01:00:00Z`);
    const scheduled = joined(
      await world.secretaryA.schedules(`党课 ${month}月10日 15:00 党员活动室 第${month}月党课`),
    );
    const code = scheduled.match(/\b(H[0-9A-Z]{4})\b/)?.[1] ?? "";
    for (const who of excusedNow) await who.says(`/leave ${code} 外出`);
    const leaves = await world.secretaryA.says("/leaves");
    for (const reply of leaves) if (reply.buttons) await world.secretaryA.presses("批准", [reply]);
    bot.clock.set(`2026-${m}-10T06:55:00Z`);
    for (const who of came) await who.in(world.groupA).says(`/checkin ${code}`);
    await world.secretaryA.says(`/minutes ${code} 内容 学习。`);
    bot.clock.set(`2026-${m}-10T09:00:00Z`);
    await world.secretaryA.says(`/close_meeting ${code}`);
  }

  test.override({ startAt: "2026-01-01T01:00:00Z" });
  test.beforeEach(async ({ bot: started, world: built }) => {
    bot = started;
    world = built;
    attendee = bot.user("tian-jun", "田军");
    absentee = bot.user("pan-hong", "潘红");
    excused = bot.user("yu-lan", "于兰");
    for (const who of [attendee, absentee, excused]) await enrol(world.secretaryA, who);
  });

  test("warns yellow after two missed months and orange after four, privately, once a month", async () => {
    await monthlyLesson(1, [world.secretaryA, attendee], [excused]);
    await monthlyLesson(2, [world.secretaryA, attendee], [excused]);
    bot.clock.set("2026-03-02T01:00:00Z");
    const now = joined(await world.secretaryA.says("/warnings"));
    // The months it counts, and the rule it rests on.
    expect(now).toContain(
      "🟡 黄色预警：潘红 已连续 2 个月未参加组织生活（2026年1月至2026年2月；最近一次参加：近一年没有）",
    );
    expect(now).toContain("依据：党章第九条");
    expect(now).not.toContain("于兰");
    expect(now).not.toContain("田军");

    const scheduler = testScheduler(bot, "t");
    bot.clock.set("2026-03-02T00:59:00Z");
    await scheduler.tick();
    bot.clock.set("2026-03-03T01:01:00Z"); // two 09:00 runs
    await scheduler.tick();
    const secretaryChat = { platform: "console" as const, id: "user:li-jianguo", kind: "private" as const };
    const privatePosts = (await bot.posts(secretaryChat))
      .map((r) => joined([r]))
      .filter((t) => t.includes("预警"));
    expect(privatePosts).toHaveLength(1);
    expect(privatePosts[0]).toContain("【党员预警】「幸福里社区党支部」（仅书记可见）");
    expect(joined(await bot.posts(world.groupA))).not.toContain("预警");

    await monthlyLesson(3, [world.secretaryA, attendee, excused]);
    await monthlyLesson(4, [world.secretaryA, attendee]);
    bot.clock.set("2026-05-02T02:00:00Z");
    const may = joined(await world.secretaryA.says("/warnings"));
    expect(may).toContain("🟠 橙色预警：潘红 已连续 4 个月");
    expect(may).not.toContain("于兰"); // attended in March, excused before: the run is broken
    await scheduler.stop();
  });

  test("ends a run at once when the member attends in the current month", async () => {
    await monthlyLesson(1, [world.secretaryA, attendee]);
    await monthlyLesson(2, [world.secretaryA, attendee]);
    await monthlyLesson(3, [world.secretaryA, attendee]);
    bot.clock.set("2026-04-02T01:00:00Z");
    expect(joined(await world.secretaryA.says("/warnings"))).toContain("潘红 已连续 3 个月");
    // An April meeting early in the month, and 潘红 comes: no warning, though April is not over.
    bot.clock.set("2026-04-02T02:00:00Z");
    const scheduled = joined(await world.secretaryA.schedules("党课 4月3日 15:00 党员活动室 四月党课"));
    const code = scheduled.match(/\b(H[0-9A-Z]{4})\b/)?.[1] ?? "";
    bot.clock.set("2026-04-03T06:55:00Z");
    for (const who of [world.secretaryA, absentee]) await who.in(world.groupA).says(`/checkin ${code}`);
    await world.secretaryA.says(`/minutes ${code} 内容 学习。`);
    bot.clock.set("2026-04-03T09:00:00Z");
    await world.secretaryA.says(`/close_meeting ${code}`);
    expect(joined(await world.secretaryA.says("/warnings"))).not.toContain("潘红");
  });

  test("raises no absence warning for a member the branch excused as too old or ill", async () => {
    await monthlyLesson(1, [world.secretaryA, attendee]);
    await monthlyLesson(2, [world.secretaryA, attendee]);
    bot.clock.set("2026-03-02T01:00:00Z");
    expect(joined(await world.secretaryA.says("/warnings"))).toContain("潘红");
    const code = (await bot.prisma.member.findFirstOrThrow({ where: { name: "潘红" } })).code;
    expect(joined(await world.secretaryA.says(`/exempt ${code} 长期患病，卧床`))).toContain(
      "潘红 因「长期患病，卧床」免于缺席预警",
    );
    expect(joined(await world.secretaryA.says("/warnings"))).not.toContain("潘红");
    expect(await bot.prisma.auditEntry.count({ where: { action: "member.exempt" } })).toBe(1);
    expect(joined(await world.secretaryA.says(`/exempt ${code} 取消`))).toContain("免于预警已取消");
    expect(joined(await world.secretaryA.says("/warnings"))).toContain("潘红");
    // Not a member's to decide.
    expect(joined(await attendee.in(world.groupA).says(`/exempt ${code} 年老体弱`))).toContain(
      "需要「支部书记」权限",
    );
  });

  test("refuses the warnings to a member", async () => {
    expect(joined(await attendee.in(world.groupA).says("/warnings"))).toContain("需要「支部书记」权限");
  });
});

import { describe, expect } from "vitest";
import { InvalidCronError } from "../../src/scheduler/scheduler.js";
import { test } from "../support/fixture.js";
import { joined } from "../support/replies.js";
import { testScheduler } from "../support/scheduling.js";
import type { TestBot } from "../support/test-bot.js";
import type { World } from "../support/world.js";

/** Days of five-minute ticks against a real database: slower than the default timeout allows. */
const LONG_RUN_MS = 120_000;

const schedulerFor = testScheduler;

const reminderTexts = async (bot: TestBot, world: World) =>
  (await bot.posts(world.groupA))
    .map((r) => joined([r]))
    .filter((t) => t.includes("会议提醒") || t.includes("开始签到"));

describe("meeting reminders on a schedule", () => {
  let bot: TestBot;
  let world: World;
  let code = "";
  test.override({ startAt: "2026-03-02T01:00:00Z" }); // Monday 09:00 in Shanghai
  test.beforeEach(async ({ bot: started, world: built }) => {
    bot = started;
    world = built;
    const scheduled = joined(await world.secretaryA.schedules("支委会 3月4日 19:30 党员活动室 研究三月工作"));
    code = scheduled.match(/\b(H[0-9A-Z]{4})\b/)?.[1] ?? "";
  });

  test(
    "posts the 24-hour and 1-hour reminders and the check-in notice once each over three days",
    async () => {
      const scheduler = schedulerFor(bot, "a");
      for (let step = 0; step < 3 * 24 * 12; step++) {
        bot.clock.advanceMinutes(5);
        await scheduler.tick();
      }
      const texts = await reminderTexts(bot, world);
      expect(texts).toHaveLength(3);
      expect(texts[0]).toContain("【会议提醒】24 小时后开会");
      expect(texts[0]).toContain(
        `03-04 19:30 支部委员会「研究三月工作」，地点：党员活动室。会议编号 ${code}`,
      );
      expect(texts[1]).toContain("【会议提醒】1 小时后开会");
      expect(texts[2]).toContain("开始签到了");
      const runs = await bot.prisma.jobRun.count({ where: { jobId: "meeting-reminders", status: "done" } });
      expect(runs).toBe(3 * 24 * 12);
      await scheduler.stop();
    },
    LONG_RUN_MS,
  );

  test(
    "runs every slot exactly once with two instances on one database",
    async () => {
      const a = schedulerFor(bot, "instance-a");
      const b = schedulerFor(bot, "instance-b");
      bot.clock.set("2026-03-03T10:00:00Z");
      const ran: string[] = [];
      const slots = 26 * 12; // until after the 1-hour reminder and the check-in notice
      for (let step = 0; step < slots; step++) {
        bot.clock.advanceMinutes(5);
        const [fromA, fromB] = await Promise.all([a.tick(), b.tick()]);
        for (const o of [...fromA, ...fromB])
          if (o.ran && o.jobId === "meeting-reminders") ran.push(o.slot.toISOString());
      }
      expect(ran).toHaveLength(slots);
      expect(new Set(ran).size).toBe(slots);
      expect(await reminderTexts(bot, world)).toHaveLength(3);
      const claimedBy = await bot.prisma.jobRun.groupBy({
        by: ["claimedBy"],
        where: { jobId: "meeting-reminders" },
        _count: true,
      });
      expect(claimedBy.reduce((n, g) => n + g._count, 0)).toBe(slots);
      await Promise.all([a.stop(), b.stop()]);
    },
    LONG_RUN_MS,
  );

  test("sends a reminder missed while the process was down when it is still useful", async () => {
    const before = schedulerFor(bot, "before");
    bot.clock.set("2026-03-03T10:00:00Z");
    await before.tick();
    await before.stop();
    // Down from 10:00 to 11:40 UTC; the 24-hour reminder was due at 11:30 (19:30 local).
    bot.clock.set("2026-03-03T11:40:00Z");
    const after = schedulerFor(bot, "after");
    const outcomes = (await after.catchUp()).filter((o) => o.jobId === "meeting-reminders");
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ran).length).toBeGreaterThan(10);
    expect(await bot.prisma.jobRun.count({ where: { status: "skipped", jobId: "meeting-reminders" } })).toBe(
      outcomes.filter((o) => !o.ran).length,
    );
    // Ten minutes late: worded for the time really left.
    expect((await reminderTexts(bot, world))[0]).toContain("23 小时后开会");
    await after.stop();
  });

  test("still sends, worded for the time left, a reminder that came due hours before a restart while its meeting is ahead", async () => {
    const before = schedulerFor(bot, "before");
    bot.clock.set("2026-03-03T10:00:00Z");
    await before.tick();
    await before.stop();
    bot.clock.set("2026-03-03T14:00:00Z"); // 2.5 hours after the 24-hour reminder was due
    const after = schedulerFor(bot, "after");
    const outcomes = (await after.catchUp()).filter((o) => o.jobId === "meeting-reminders");
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1); // the latest slot covers the downtime
    const texts = await reminderTexts(bot, world);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain("【会议提醒】21 小时后开会");
    // The slots missed are accounted for as skipped; their work was done by the latest.
    expect(
      await bot.prisma.jobRun.count({ where: { status: "skipped", jobId: "meeting-reminders" } }),
    ).toBeGreaterThan(40);
    await after.stop();
  });

  test("after 40 minutes down, sends each 1-hour reminder that came due for meetings still ahead, none lost", async () => {
    const at = (local: string) => `2026-03-03T${local}:00Z`;
    // Meetings 25 to 90 minutes after the restart at 10:40 UTC; their 1-hour reminders fall at
    // 10:05, 10:30 and 10:35, and at 11:10 (after the restart).
    const codes: string[] = [];
    for (const [hhmm, topic] of [
      ["19:05", "学习党章"],
      ["19:30", "学习党史"],
      ["19:35", "学习条例"],
      ["20:10", "民主评议"],
    ] as const) {
      const replies = await world.secretaryA.schedules(`党课 3月3日 ${hhmm} 党员活动室 ${topic}`);
      codes.push(joined(replies).match(/\b(H[0-9A-Z]{4})\b/)?.[1] ?? "");
    }
    const before = schedulerFor(bot, "before");
    bot.clock.set(at("09:55"));
    await before.tick();
    bot.clock.set(at("10:00"));
    await before.tick();
    await before.stop();
    bot.clock.set(at("10:40"));
    const after = schedulerFor(bot, "after");
    await after.catchUp();
    for (let step = 0; step < 8; step++) {
      bot.clock.advanceMinutes(5);
      await after.tick();
    }
    await after.stop();
    const texts = (await reminderTexts(bot, world)).filter((t) => t.includes("党课"));
    const about = (code: string) => texts.filter((t) => t.includes(code) && t.includes("会议提醒"));
    expect(about(codes[0] ?? "")).toEqual([expect.stringContaining("【会议提醒】25 分钟后开会")]);
    expect(about(codes[1] ?? "")).toEqual([expect.stringContaining("【会议提醒】50 分钟后开会")]);
    expect(about(codes[2] ?? "")).toEqual([expect.stringContaining("【会议提醒】55 分钟后开会")]);
    expect(about(codes[3] ?? "")).toEqual([expect.stringContaining("【会议提醒】1 小时后开会")]);
  });

  test("records, and does not send, a reminder whose meeting began while the process was down", async () => {
    const replies = await world.secretaryA.schedules("党课 3月3日 18:30 党员活动室 学习党章");
    const code = joined(replies).match(/\b(H[0-9A-Z]{4})\b/)?.[1] ?? "";
    const before = schedulerFor(bot, "before");
    bot.clock.set("2026-03-03T09:00:00Z");
    await before.tick();
    await before.stop();
    bot.clock.set("2026-03-03T11:00:00Z"); // down two hours; the lesson began at 10:30
    const after = schedulerFor(bot, "after");
    await after.catchUp();
    await after.stop();
    // Its check-in is still open, so that notice still goes out; the reminder does not.
    const texts = (await reminderTexts(bot, world)).filter((t) => t.includes(code));
    expect(texts).toEqual([expect.stringContaining("开始签到了")]);
    const recorded = await bot.prisma.outboxMessage.findMany({
      where: { dedupeKey: { startsWith: "reminder:" } },
    });
    const lesson = recorded.filter((m) => m.payload.includes(code));
    expect(lesson.map((m) => [m.failure, m.sentAt])).toEqual([["too-late", null]]);
    expect(lesson[0]?.deadAt).not.toBeNull();
    expect(joined(await world.admin.says("/outbox"))).toContain("停机期间到期，会议已开始，未再发送");
  });

  test("refuses to start with an invalid cron override, naming the variable", () => {
    expect(() => schedulerFor(bot, "x", { JOB_MEETING_REMINDERS_CRON: "every five minutes" })).toThrow(
      InvalidCronError,
    );
    expect(() => schedulerFor(bot, "x", { JOB_MEETING_REMINDERS_CRON: "every five minutes" })).toThrow(
      "JOB_MEETING_REMINDERS_CRON",
    );
  });

  test(
    "sends no reminders to a branch paused for the holidays, and resumes after",
    async () => {
      expect(joined(await world.secretaryA.says("/pause_reminders 2"))).toContain(
        "会议提醒已暂停到 2026-03-04",
      );
      const scheduler = schedulerFor(bot, "a");
      for (let step = 0; step < 3 * 24 * 12; step++) {
        bot.clock.advanceMinutes(5);
        await scheduler.tick();
      }
      expect(await reminderTexts(bot, world)).toHaveLength(0);
      await scheduler.stop();
    },
    LONG_RUN_MS,
  );

  test("lets an administrator list the jobs and run one now, without doubling what was sent", async () => {
    const listed = joined(await world.admin.says("/jobs"));
    expect(listed).toContain("会议提醒（*/5 * * * *）下次：20");
    expect(listed).toContain("每周榜单（0 9 * * 1）");
    bot.clock.set("2026-03-03T11:31:00Z");
    // By its Chinese name or its code; what it did in words.
    expect(joined(await world.admin.says("/run_job 会议提醒"))).toContain("已运行 会议提醒：提醒 1 条");
    expect(joined(await world.admin.says("/run_job meeting-reminders"))).toContain("提醒 1 条");
    expect(await reminderTexts(bot, world)).toHaveLength(1);
    expect(joined(await world.admin.says("/run_job nightly-backup"))).toContain(
      "没有名为 nightly-backup 的任务",
    );
    expect(joined(await world.secretaryA.says("/run_job meeting-reminders"))).toContain(
      "需要「党组织管理员」权限",
    );
  });
});

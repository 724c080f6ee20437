import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InvalidCronError } from "../../src/scheduler/scheduler.js";
import { joined } from "../support/replies.js";
import { testScheduler } from "../support/scheduling.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";
import { buildWorld, type World } from "../support/world.js";

const schedulerFor = testScheduler;

const reminderTexts = async (bot: TestBot, world: World) =>
  (await bot.posts(world.groupA))
    .map((r) => joined([r]))
    .filter((t) => t.includes("会议提醒") || t.includes("开始签到"));

describe("meeting reminders on a schedule", () => {
  let bot: TestBot;
  let world: World;
  let code = "";
  beforeEach(async () => {
    bot = await startTestBot();
    bot.clock.set("2026-03-02T01:00:00Z"); // Monday 09:00 in Shanghai
    world = await buildWorld(bot);
    const scheduled = joined(
      await world.secretaryA.says("/schedule 支委会 3月4日 19:30 党员活动室 研究三月工作"),
    );
    code = scheduled.match(/\b(H[0-9A-Z]{4})\b/)?.[1] ?? "";
  });
  afterEach(async () => {
    await bot.close();
  });

  it("posts the 24-hour and 1-hour reminders and the check-in notice once each over three days", async () => {
    const scheduler = schedulerFor(bot, "a");
    for (let step = 0; step < 3 * 24 * 12; step++) {
      bot.clock.advanceMinutes(5);
      await scheduler.tick();
    }
    const texts = await reminderTexts(bot, world);
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain("【会议提醒】24 小时后开会");
    expect(texts[0]).toContain(`03-04 19:30 支部委员会「研究三月工作」，地点：党员活动室。会议编号 ${code}`);
    expect(texts[1]).toContain("【会议提醒】1 小时后开会");
    expect(texts[2]).toContain("开始签到了");
    const runs = await bot.prisma.jobRun.count({ where: { jobId: "meeting-reminders", status: "done" } });
    expect(runs).toBe(3 * 24 * 12);
    await scheduler.stop();
  });

  it("runs every slot exactly once with two instances on one database", async () => {
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
  });

  it("sends a reminder missed while the process was down when it is still useful", async () => {
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
    expect((await reminderTexts(bot, world))[0]).toContain("24 小时后开会");
    await after.stop();
  });

  it("skips, and records, a reminder that would arrive too late to be useful", async () => {
    const before = schedulerFor(bot, "before");
    bot.clock.set("2026-03-03T10:00:00Z");
    await before.tick();
    await before.stop();
    bot.clock.set("2026-03-03T14:00:00Z"); // 2.5 hours after the 24-hour reminder was due
    const after = schedulerFor(bot, "after");
    const outcomes = (await after.catchUp()).filter((o) => o.jobId === "meeting-reminders");
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1); // the latest slot, which has nothing due
    expect(await reminderTexts(bot, world)).toHaveLength(0);
    expect(
      await bot.prisma.jobRun.count({ where: { status: "skipped", jobId: "meeting-reminders" } }),
    ).toBeGreaterThan(40);
    await after.stop();
  });

  it("refuses to start with an invalid cron override, naming the variable", () => {
    expect(() => schedulerFor(bot, "x", { JOB_MEETING_REMINDERS_CRON: "every five minutes" })).toThrow(
      InvalidCronError,
    );
    expect(() => schedulerFor(bot, "x", { JOB_MEETING_REMINDERS_CRON: "every five minutes" })).toThrow(
      "JOB_MEETING_REMINDERS_CRON",
    );
  });

  it("sends no reminders to a branch paused for the holidays, and resumes after", async () => {
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
  });

  it("lets an administrator list the jobs and run one now, without doubling what was sent", async () => {
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

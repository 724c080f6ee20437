// Scheduled runs that must not be lost: a run whose instance died mid-run is taken over once its
// lease lapses, a failed run is tried again and then settled, and a new installation does not
// "catch up" slots from before it existed.
import { describe, expect } from "vitest";
import { jobs } from "../../jobs/index.js";
import { defineJob } from "../../src/scheduler/job.js";
import { test } from "../support/fixture.js";
import { joined } from "../support/replies.js";
import { holdClosedMeeting, testScheduler } from "../support/scheduling.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";
import type { World } from "../support/world.js";

const boardPosts = async (bot: TestBot, world: World) =>
  (await bot.posts(world.groupA)).map((r) => joined([r])).filter((t) => t.includes("【每周榜单】"));

describe("scheduled runs under faults", () => {
  let bot: TestBot;
  let world: World;
  test.override({ startAt: "2026-03-02T01:00:00Z" });
  test.beforeEach(async ({ bot: started, world: built }) => {
    bot = started;
    world = built;
    await holdClosedMeeting(bot, world.secretaryA, {
      schedule: "党课 3月5日 15:00 党员活动室 学习党章",
      scheduledAt: "2026-03-02T01:00:00Z",
      checkInAt: "2026-03-05T06:55:00Z",
      closeAt: "2026-03-05T09:00:00Z",
      came: [world.secretaryA],
    });
  });

  test("takes over a weekly board whose instance died mid-run, once its lease has lapsed, and posts it once", async () => {
    // Instance A claimed Monday's 09:00 board and died before finishing: its claim is all it left.
    const slot = new Date("2026-03-09T01:00:00Z");
    bot.clock.set("2026-03-09T01:00:05Z");
    await bot.app.services.transaction((s) =>
      s.jobRuns.claim("weekly-leaderboard", slot, "instance-a", bot.clock.now()),
    );

    const b = testScheduler(bot, "instance-b");
    bot.clock.set("2026-03-09T01:01:00Z"); // the lease still holds: A might be working
    expect((await b.recover()).filter((o) => o.jobId === "weekly-leaderboard")).toEqual([]);
    expect(await boardPosts(bot, world)).toEqual([]);

    bot.clock.set("2026-03-09T01:03:00Z"); // lapsed: B takes the run over
    const outcomes = (await b.recover()).filter((o) => o.jobId === "weekly-leaderboard");
    expect(outcomes.map((o) => o.ran)).toEqual([true]);
    expect(await boardPosts(bot, world)).toHaveLength(1);
    const run = await bot.prisma.jobRun.findUniqueOrThrow({
      where: { jobId_slot: { jobId: "weekly-leaderboard", slot } },
    });
    expect(run).toMatchObject({ status: "done", claimedBy: "instance-b", attempts: 2 });

    // A restarts: nothing is left to run, nothing is posted twice.
    const a = testScheduler(bot, "instance-a");
    bot.clock.set("2026-03-09T01:10:00Z");
    const restarted = (await a.catchUp()).filter((o) => o.jobId === "weekly-leaderboard" && o.ran);
    expect(restarted).toEqual([]);
    expect(await boardPosts(bot, world)).toHaveLength(1);
    await Promise.all([a.stop(), b.stop()]);
  });

  test("records a run abandoned too long ago as skipped, with the reason, instead of leaving it running", async () => {
    const slot = new Date("2026-03-09T01:00:00Z");
    bot.clock.set("2026-03-09T01:00:05Z");
    await bot.app.services.transaction((s) =>
      s.jobRuns.claim("weekly-leaderboard", slot, "instance-a", bot.clock.now()),
    );
    const b = testScheduler(bot, "instance-b");
    bot.clock.set("2026-03-09T09:00:00Z"); // eight hours on: a Monday-morning board is stale
    await b.catchUp();
    const run = await bot.prisma.jobRun.findUniqueOrThrow({
      where: { jobId_slot: { jobId: "weekly-leaderboard", slot } },
    });
    expect(run).toMatchObject({ status: "skipped", reason: "abandoned-too-late" });
    expect(await boardPosts(bot, world)).toEqual([]);
    expect(joined(await world.admin.says("/jobs"))).toContain("跳过（实例中断，已过时）");
    await b.stop();
  });

  test("retries a failed run after a pause, twice, then settles it as failed and says so in /jobs", async () => {
    let calls = 0;
    const flaky = defineJob({
      id: "absence-warnings",
      cron: "0 9 * * *",
      catchUpMs: 12 * 3_600_000,
      async run() {
        calls += 1;
        throw new Error("database is locked");
      },
    });
    const scheduler = testScheduler(bot, "only", {}, [flaky]);
    const slot = new Date("2026-03-10T01:00:00Z");
    const run = () =>
      bot.prisma.jobRun.findUniqueOrThrow({ where: { jobId_slot: { jobId: "absence-warnings", slot } } });
    bot.clock.set("2026-03-10T00:59:00Z");
    await scheduler.tick();
    bot.clock.set("2026-03-10T01:00:00Z");
    await scheduler.tick();
    expect(await run()).toMatchObject({ status: "retrying", attempts: 1 });
    expect((await run()).retryAt?.toISOString()).toBe("2026-03-10T01:01:00.000Z");

    bot.clock.set("2026-03-10T01:01:00Z");
    await scheduler.tick();
    expect(await run()).toMatchObject({ status: "retrying", attempts: 2 });
    expect((await run()).retryAt?.toISOString()).toBe("2026-03-10T01:06:00.000Z");
    bot.clock.set("2026-03-10T01:03:00Z");
    await scheduler.tick(); // not yet
    expect(calls).toBe(2);
    bot.clock.set("2026-03-10T01:06:00Z");
    await scheduler.tick();
    expect(await run()).toMatchObject({ status: "failed", attempts: 3, retryAt: null });
    expect((await run()).error).toContain("database is locked");
    bot.clock.set("2026-03-10T02:00:00Z");
    await scheduler.tick();
    expect(calls).toBe(3);
    expect(joined(await world.admin.says("/jobs"))).toContain("失败（共试 3 次）");
    await scheduler.stop();
  });

  test("runs a failed slot again when the fault has cleared", async () => {
    let calls = 0;
    const real = jobs.find((j) => j.id === "absence-warnings");
    if (!real) throw new Error("no absence-warnings job");
    const once = defineJob({
      ...real,
      async run() {
        calls += 1;
        if (calls === 1) throw new Error("disk I/O error");
        return { warned: 0 };
      },
    });
    const scheduler = testScheduler(bot, "only", {}, [once]);
    bot.clock.set("2026-03-10T00:59:00Z");
    await scheduler.tick();
    bot.clock.set("2026-03-10T01:00:00Z");
    await scheduler.tick();
    bot.clock.set("2026-03-10T01:01:00Z");
    await scheduler.tick();
    const run = await bot.prisma.jobRun.findUniqueOrThrow({
      where: { jobId_slot: { jobId: "absence-warnings", slot: new Date("2026-03-10T01:00:00Z") } },
    });
    expect(run).toMatchObject({ status: "done", attempts: 2, error: null });
    await scheduler.stop();
  });
});

describe("a new installation", () => {
  test("does not run or record slots from before it existed", async () => {
    const bot = await startTestBot();
    try {
      // First start 20 hours after the 1st's 09:00 summary slot, an hour after the day's 09:00 runs.
      bot.clock.set("2026-05-01T21:00:00Z");
      const scheduler = testScheduler(bot, "first");
      const outcomes = await scheduler.catchUp();
      expect(outcomes.filter((o) => o.ran)).toEqual([]);
      expect(await bot.prisma.jobRun.count()).toBe(0);
      // From then on, a slot missed while down is accounted for.
      bot.clock.set("2026-05-02T03:00:00Z");
      const later = testScheduler(bot, "second");
      await later.catchUp();
      const warnings = await bot.prisma.jobRun.findFirstOrThrow({ where: { jobId: "absence-warnings" } });
      expect(warnings.slot.toISOString()).toBe("2026-05-02T01:00:00.000Z");
      expect(warnings.status).toBe("done");
      await Promise.all([scheduler.stop(), later.stop()]);
    } finally {
      await bot.close();
    }
  });
});

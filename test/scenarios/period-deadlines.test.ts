import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { jobs } from "../../jobs/index.js";
import { silentLogger } from "../../src/core/logger.js";
import { Scheduler } from "../../src/scheduler/scheduler.js";
import { joined } from "../support/replies.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";
import { buildWorld, type World } from "../support/world.js";

describe("deadlines before a period ends", () => {
  let bot: TestBot;
  let world: World;
  beforeEach(async () => {
    bot = await startTestBot();
    bot.clock.set("2026-03-01T01:00:00Z");
    world = await buildWorld(bot);
  });
  afterEach(async () => {
    await bot.close();
  });

  it("tells the secretary, privately and once, what this month and quarter still require", async () => {
    // Branch A holds its committee meeting; nothing else of March or Q1 is held or scheduled.
    const code = joined(
      await world.secretaryA.says("/schedule 支委会 3月5日 19:30 党员活动室 研究三月工作"),
    ).match(/\b(H[0-9A-Z]{4})\b/)?.[1];
    bot.clock.set("2026-03-05T11:25:00Z");
    await world.secretaryA.says(`/checkin ${code}`);
    await world.secretaryA.says(`/minutes ${code} 内容 研究工作。`);
    bot.clock.set("2026-03-05T13:00:00Z");
    await world.secretaryA.says(`/close_meeting ${code}`);

    const scheduler = new Scheduler(jobs, {
      scope: bot.app.services,
      clock: bot.clock,
      i18n: bot.app.i18n,
      logger: silentLogger,
      instanceId: "t",
      timeZone: "Asia/Shanghai",
    });
    bot.clock.set("2026-03-23T00:58:00Z");
    await scheduler.tick();
    for (const day of ["2026-03-24T01:01:00Z", "2026-03-25T01:01:00Z", "2026-03-26T01:01:00Z"]) {
      bot.clock.set(day);
      await scheduler.tick();
    }
    const mine = (await bot.posts({ platform: "console", id: "user:li-jianguo", kind: "private" })).map((r) =>
      joined([r]),
    );
    expect(mine.sort()).toEqual(
      [
        "【到期提醒】「幸福里社区党支部」2026年第1季度的党课还差 1 次，尚未召开也未安排，本期 2026-03-31 结束。",
        "【到期提醒】「幸福里社区党支部」2026年第1季度的支部党员大会还差 1 次，尚未召开也未安排，本期 2026-03-31 结束。",
        "【到期提醒】「幸福里社区党支部」2026年3月的主题党日还差 1 次，尚未召开也未安排，本期 2026-03-31 结束。",
      ].sort(),
    );
    const other = (await bot.posts({ platform: "console", id: "user:chen-xiuying", kind: "private" })).map(
      (r) => joined([r]),
    );
    expect(other).toHaveLength(4); // branch B also misses its committee meeting
    expect(joined(await bot.posts(world.groupA))).not.toContain("到期提醒");
    await scheduler.stop();
  });
});

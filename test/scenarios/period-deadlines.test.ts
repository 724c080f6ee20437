import { describe, expect } from "vitest";
import { test } from "../support/fixture.js";
import { joined, notJoinNotice } from "../support/replies.js";
import { holdClosedMeeting, testScheduler } from "../support/scheduling.js";

/** Days of five-minute ticks against a real database: slower than the default timeout allows. */
const LONG_RUN_MS = 120_000;

describe("deadlines before a period ends", () => {
  test.override({ startAt: "2026-03-01T01:00:00Z" });

  test(
    "tells the secretary, privately and once, what this month and quarter still require",
    async ({ bot, world }) => {
      // Branch A holds its committee meeting; nothing else of March or Q1 is held or scheduled.
      await holdClosedMeeting(bot, world.secretaryA, {
        schedule: "支委会 3月5日 19:30 党员活动室 研究三月工作",
        scheduledAt: "2026-03-01T01:00:00Z",
        checkInAt: "2026-03-05T11:25:00Z",
        closeAt: "2026-03-05T13:00:00Z",
        came: [world.secretaryA],
      });
      const scheduler = testScheduler(bot);
      bot.clock.set("2026-03-23T00:58:00Z");
      await scheduler.tick();
      for (const day of ["2026-03-24T01:01:00Z", "2026-03-25T01:01:00Z", "2026-03-26T01:01:00Z"]) {
        bot.clock.set(day);
        await scheduler.tick();
      }
      const mine = (await bot.posts({ platform: "console", id: "user:li-jianguo", kind: "private" }))
        .map((r) => joined([r]))
        .filter(notJoinNotice);
      expect(mine.sort()).toEqual(
        [
          "【到期提醒】「幸福里社区党支部」2026年第1季度的党课还差 1 次，尚未召开也未安排，本期 2026-03-31 结束。",
          "【到期提醒】「幸福里社区党支部」2026年第1季度的支部党员大会还差 1 次，尚未召开也未安排，本期 2026-03-31 结束。",
          "【到期提醒】「幸福里社区党支部」2026年3月的主题党日还差 1 次，尚未召开也未安排，本期 2026-03-31 结束。",
        ].sort(),
      );
      const other = (await bot.posts({ platform: "console", id: "user:chen-xiuying", kind: "private" }))
        .map((r) => joined([r]))
        .filter(notJoinNotice);
      expect(other).toHaveLength(4); // branch B also misses its committee meeting
      expect(joined(await bot.posts(world.groupA))).not.toContain("到期提醒");
      await scheduler.stop();
    },
    LONG_RUN_MS,
  );
});

import { describe, expect } from "vitest";
import { test } from "../support/fixture.js";
import { codeAfter, joined } from "../support/replies.js";
import { holdClosedMeeting, testScheduler } from "../support/scheduling.js";

describe("monthly summaries and quarterly results", () => {
  test.override({ startAt: "2026-03-01T01:00:00Z" });

  test("posts March's summary in the branch chat and Q1's results in the committee chat on 1 April", async ({
    bot,
    world,
  }) => {
    const committeeChat = bot.group("nanhu-committee", "南湖街道党工委群");
    await world.admin.says(`/use ${world.committee}`);
    const bind = codeAfter(await world.admin.says("/bind_code"), "绑定码：");
    await world.admin.in(committeeChat).says(`/bind ${bind}`);

    await holdClosedMeeting(bot, world.secretaryA, {
      schedule: "支委会 3月5日 19:30 党员活动室 研究三月工作",
      scheduledAt: "2026-03-01T01:00:00Z",
      checkInAt: "2026-03-05T11:25:00Z",
      closeAt: "2026-03-05T13:00:00Z",
      came: [world.secretaryA],
    });
    const scheduler = testScheduler(bot);
    bot.clock.set("2026-04-01T00:59:00Z");
    await scheduler.tick();
    bot.clock.set("2026-04-01T01:01:00Z");
    await scheduler.tick();
    const branch = joined(await bot.posts(world.groupA));
    expect(branch).toContain("【月度小结】幸福里社区党支部 · 2026年3月");
    expect(branch).toContain("支部委员会：应开 1 次，已开 1 次");
    expect(branch).toContain("主题党日：应开 1 次，已开 0 次");
    expect(branch).toContain("出勤率：100%（1 次会议）");
    const committee = joined(await bot.posts(committeeChat));
    expect(committee).toContain("【季度晒绩】南湖街道党工委 · 2026年第1季度");
    // The branches were set up in the bot on 1 March: of the quarter, March's monthly meetings
    // and the quarter's own are owed, not January's and February's.
    expect(committee).toContain("幸福里社区党支部：已开 1 / 应开 4（25%）");
    expect(committee).toContain("和平里社区党支部：已开 0 / 应开 4（0%）");
    await scheduler.stop();
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { jobs } from "../../jobs/index.js";
import { silentLogger } from "../../src/core/logger.js";
import { Scheduler } from "../../src/scheduler/scheduler.js";
import { codeAfter, joined } from "../support/replies.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";
import { buildWorld, type World } from "../support/world.js";

describe("monthly summaries and quarterly results", () => {
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

  it("posts March's summary in the branch chat and Q1's results in the committee chat on 1 April", async () => {
    const committeeChat = bot.group("nanhu-committee", "南湖街道党工委群");
    await world.admin.says(`/use ${world.committee}`);
    const bind = codeAfter(await world.admin.says("/bind_code"), "绑定码：");
    await world.admin.in(committeeChat).says(`/bind ${bind}`);

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
    expect(committee).toContain("幸福里社区党支部：已开 1 / 应开 4（25%）");
    expect(committee).toContain("和平里社区党支部：已开 0 / 应开 4（0%）");
    await scheduler.stop();
  });
});

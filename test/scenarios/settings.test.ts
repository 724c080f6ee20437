import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { joined } from "../support/replies.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";
import { buildWorld, enrol, type World } from "../support/world.js";

describe("settings set high up and overridden below", () => {
  let bot: TestBot;
  let world: World;
  beforeEach(async () => {
    bot = await startTestBot();
    world = await buildWorld(bot);
  });
  afterEach(async () => {
    await bot.close();
  });

  it("gives every branch the committee's theme day until a branch sets its own", async () => {
    const { admin, committee, secretaryA, secretaryB } = world;
    await admin.says(`/use ${committee}`);
    expect(joined(await admin.says("/set themeDay.dayOfMonth 12"))).toContain("已设为 12");
    expect(joined(await secretaryA.says("/settings"))).toContain(
      "themeDay.dayOfMonth = 12（继承自「南湖街道党工委」）",
    );
    await secretaryA.says("/set themeDay.time 14:30");
    expect(joined(await secretaryA.says("/settings"))).toContain("themeDay.time = 14:30（本组织设置）");
    expect(joined(await secretaryB.says("/settings"))).toContain("themeDay.time = 09:00（默认）");
  });

  it("explains an unknown setting or a bad value and changes nothing", async () => {
    const before = await bot.snapshot();
    expect(joined(await world.secretaryA.says("/set themeDay.weekday 3"))).toContain(
      "没有名为 themeDay.weekday 的设置",
    );
    expect(joined(await world.secretaryA.says("/set frequency.general_meeting 经常"))).toContain(
      "frequency.general_meeting 的值不正确",
    );
    expect(await bot.snapshot()).toEqual(before);
  });

  it("does not let a branch secretary change the committee's settings or a member change any", async () => {
    const member = bot.user("cao-li", "曹丽");
    await enrol(world.secretaryA, member);
    expect(joined(await member.says("/set themeDay.time 10:00"))).toContain("需要「支部书记」权限");
    expect(joined(await world.secretaryA.says(`/use ${world.committee}`))).toContain("没有权限");
  });
});

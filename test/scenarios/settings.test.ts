import { describe, expect } from "vitest";
import { test } from "../support/fixture.js";
import { joined } from "../support/replies.js";
import { enrol } from "../support/world.js";

describe("settings set high up and overridden below", () => {
  test("gives every branch the committee's theme day until a branch sets its own", async ({ world }) => {
    const { admin, committee, secretaryA, secretaryB } = world;
    await admin.says(`/use ${committee}`);
    expect(joined(await admin.says("/set 主题党日日期 12"))).toContain("「主题党日日期」已设为 12");
    expect(joined(await secretaryA.says("/settings"))).toContain(
      "主题党日日期：12（继承自「南湖街道党工委」）",
    );
    // The key itself still works.
    await secretaryA.says("/set themeDay.time 14:30");
    const settings = joined(await secretaryA.says("/settings"));
    expect(settings).toContain("主题党日时间：14:30（本组织设置）");
    // Every value readable: no [object Object], frequencies and caps in words.
    expect(settings).not.toContain("[object Object]");
    expect(settings).toContain("党员大会频次：每季度 1 次（默认）");
    expect(settings).toContain("积分上限：支部党员大会 20 分、支部委员会 60 分");
    expect(joined(await secretaryB.says("/settings"))).toContain("主题党日时间：09:00（默认）");
  });

  test("explains an unknown setting or a bad value and changes nothing", async ({ bot, world }) => {
    const before = await bot.snapshot();
    expect(joined(await world.secretaryA.says("/set themeDay.weekday 3"))).toContain(
      "没有名为「themeDay.weekday」的设置",
    );
    expect(joined(await world.secretaryA.says("/set 党员大会频次 经常"))).toContain(
      "「党员大会频次」的值不正确：示例：例如 每月1次、每季度1次、每年1次",
    );
    // zod's own messages, in Chinese, for a number out of range or not a number.
    const tooBig = joined(await world.secretaryA.says("/set 截止提醒天数 99"));
    expect(tooBig).toContain("「截止提醒天数」的值不正确：数值过大");
    expect(tooBig).not.toMatch(/Too big|number|NaN/);
    expect(joined(await world.secretaryA.says("/set 截止提醒天数 十天"))).not.toMatch(/NaN|received/);
    expect(await bot.snapshot()).toEqual(before);
  });

  test("takes values as secretaries write them", async ({ world }) => {
    await world.admin.says(`/use ${world.committee}`);
    expect(joined(await world.admin.says("/set 支委会频次 每月2次"))).toContain("已设为 每月 2 次");
    expect(joined(await world.admin.says("/set 积分上限 支部党员大会:30，党课:10"))).toContain(
      "已设为 支部党员大会 30 分、党课 10 分",
    );
    expect(joined(await world.admin.says("/set 提醒暂停至 无"))).toContain("已设为 无");
  });

  test("does not let a branch secretary change the committee's settings or a member change any", async ({
    bot,
    world,
  }) => {
    const member = bot.user("cao-li", "曹丽");
    await enrol(world.secretaryA, member);
    expect(joined(await member.says("/set themeDay.time 10:00"))).toContain("需要「支部书记」权限");
    expect(joined(await world.secretaryA.says(`/use ${world.committee}`))).toContain("没有权限");
  });
});

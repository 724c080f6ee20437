import { describe, expect } from "vitest";
import type { UserRef } from "../../src/core/incoming.js";
import { test } from "../support/fixture.js";
import { codeAfter, joined } from "../support/replies.js";
import type { TestBot } from "../support/test-bot.js";
import { enrol } from "../support/world.js";

describe("one person on Telegram and Slack", () => {
  const from = (bot: TestBot, user: UserRef, text: string) =>
    bot.send({
      user,
      chat: { platform: user.platform, id: `dm-${user.id}`, kind: "private" },
      payload: { type: "text", text },
    });

  test("links a second platform account to the same person and member record", async ({ bot, world }) => {
    const wang = bot.user("wang-fang", "王芳");
    await enrol(world.secretaryA, wang);
    const code = codeAfter(await wang.says("/link"), "关联码：");
    const onSlack: UserRef = { platform: "slack", id: "U0WANGFANG", displayName: "wangfang" };
    expect(joined(await from(bot, onSlack, `/link ${code}`))).toContain("已关联：您在Slack上就是 王芳");
    expect(joined(await from(bot, onSlack, "/profile"))).toContain("支部：幸福里社区党支部");
    const person = await bot.prisma.person.findFirstOrThrow({
      where: { displayName: "王芳" },
      include: { accounts: true },
    });
    expect(person.accounts.map((a) => a.platform).sort()).toEqual(["console", "slack"]);
    expect(await bot.prisma.member.count({ where: { name: "王芳" } })).toBe(1);
    // The code works once.
    const other: UserRef = { platform: "telegram", id: "777", displayName: "someone" };
    expect(joined(await from(bot, other, `/link ${code}`))).toContain("关联码无效或已过期");
  });

  test("does not silently merge an account that has its own member record", async ({ bot, world }) => {
    const zhao = bot.user("zhao-lei", "赵磊");
    await enrol(world.secretaryA, zhao);
    const liu = bot.user("liu-yang", "刘洋");
    await enrol(world.secretaryA, liu);
    const code = codeAfter(await zhao.says("/link"), "关联码：");
    expect(joined(await liu.says(`/link ${code}`))).toContain("已有自己的党员档案");
    expect(joined(await liu.says("/profile"))).toContain("姓名：刘洋");
  });
});

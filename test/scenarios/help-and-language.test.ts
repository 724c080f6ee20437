import { describe, expect } from "vitest";
import { test } from "../support/fixture.js";
import { type TestBot, texts } from "../support/test-bot.js";

describe("first contact: help and language", () => {
  let bot: TestBot;
  test.beforeEach(async ({ bot: started }) => {
    bot = started;
  });

  test("answers /help in Simplified Chinese by default, listing commands with their usage", async () => {
    const [reply] = texts(await bot.user("zhangwei", "张伟").says("/help"));
    expect(reply).toContain("党支部助手");
    expect(reply).toContain("张伟，您好");
    expect(reply).toContain("/lang <zh|en> — 切换语言");
  });

  test("understands Chinese aliases and the full-width slash", async () => {
    const user = bot.user("lina", "李娜");
    expect(texts(await user.says("／帮助"))[0]).toContain("可用命令");
    expect(texts(await user.says("/开始"))[0]).toContain("可用命令");
  });

  test("follows the platform's language hint until the person chooses a language", async () => {
    const user = bot.user("tom", "Tom", { languageHint: "en-GB" });
    expect(texts(await user.says("/help"))[0]).toContain("Party branch assistant");
    await user.says("/lang 中文");
    expect(texts(await user.says("/help"))[0]).toContain("党支部助手");
  });

  test("remembers a chosen language and answers the choice in the new language", async () => {
    const user = bot.user("wangfang", "王芳");
    expect(texts(await user.says("/lang en"))).toEqual(["Language set to English."]);
    expect(texts(await user.says("/help"))[0]).toContain("show the commands you can use");
    const person = await bot.prisma.person.findFirstOrThrow({
      where: { accounts: { some: { externalId: "wangfang" } } },
    });
    expect(person).toMatchObject({ displayName: "王芳", locale: "en" });
  });

  test("hints at /help when a person writes plain text in a private chat, and stays quiet in a group", async () => {
    const user = bot.user("liuyang", "刘洋");
    expect(texts(await user.says("你好"))[0]).toContain("/help");
    expect(await user.in(bot.group("一支部群")).says("大家好")).toEqual([]);
  });

  test("ignores a command addressed to another bot in a group", async () => {
    const user = bot.user("chenjing", "陈静").in(bot.group("一支部群"));
    const replies = await bot.send({
      user: { platform: "console", id: user.id, displayName: user.name },
      chat: bot.group("一支部群"),
      payload: { type: "text", text: "/help@other_bot" },
      botUsername: "party_branch_bot",
    });
    expect(replies).toEqual([]);
    const mine = await bot.send({
      user: { platform: "console", id: user.id, displayName: user.name },
      chat: bot.group("一支部群"),
      payload: { type: "text", text: "/help@Party_Branch_Bot" },
      botUsername: "party_branch_bot",
    });
    expect(texts(mine)[0]).toContain("可用命令");
  });
});

import { describe, expect } from "vitest";
import { z } from "zod";
import { commands } from "../../commands/index.js";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";
import { test } from "../support/fixture.js";
import { codeAfter, joined } from "../support/replies.js";
import { type TestBot, texts } from "../support/test-bot.js";
import { buildWorld } from "../support/world.js";

// A command that writes and then fails, to prove a command's writes are all-or-nothing.
const failing = defineCommand({
  name: "failing",
  aliases: [],
  role: "anyone",
  args: z.tuple([]),
  async run({ services, actor }) {
    await services.identity.setLocale(actor.user, "en");
    throw new Error("boom after writing");
  },
});

// A command only a secretary may run, to prove refusals come before anything else.
const secretaryOnly = defineCommand({
  name: "seal_archive",
  aliases: ["封存档案"],
  role: "secretary",
  args: z.tuple([z.string()]),
  async run({ services, actor }) {
    await services.identity.ensurePerson(actor.user);
    return textReply("closed");
  },
});

describe("bad input gets a clear message and changes nothing", () => {
  let bot: TestBot;
  test.override({ botOptions: { commands: [...commands, failing, secretaryOnly] } });
  test.beforeEach(async ({ bot: started }) => {
    bot = started;
  });

  test("answers malformed arguments with the usage message and writes nothing", async () => {
    const user = bot.user("zhaolei", "赵磊");
    const before = await bot.snapshot();
    const transactionsBefore = bot.transactions();
    expect(texts(await user.says("/lang klingon"))).toEqual(["参数有误。用法：/lang <zh|en>"]);
    expect(texts(await user.says("/lang"))).toEqual(["参数有误。用法：/lang <zh|en>"]);
    expect(texts(await user.says("/whoami extra words"))).toEqual(["参数有误。用法：/whoami"]);
    expect(bot.transactions()).toBe(transactionsBefore);
    expect(await bot.snapshot()).toEqual(before);
  });

  test("takes a NUL and other control characters out of what is typed, so the command works on PostgreSQL too", async () => {
    bot.clock.set("2026-03-02T01:00:00Z");
    const world = await buildWorld(bot);
    const invite = codeAfter(await world.secretaryA.says("/invite 1 7"), "邀请码：");
    const applicant = bot.user("qian-jun", "钱\u0000军");
    const asked = joined(await applicant.says(`/join ${invite} 钱\u0000军\u0007`));
    expect(asked).toContain("编号");
    const request = await bot.prisma.joinRequest.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect(request.name).toBe("钱军");
    const person = await bot.prisma.person.findFirstOrThrow({
      where: { accounts: { some: { externalId: "qian-jun" } } },
    });
    expect(person.displayName).toBe("钱军");
  });

  test("answers the usage message in the person's language", async () => {
    const user = bot.user("amy", "Amy", { languageHint: "en" });
    expect(texts(await user.says("/lang 42"))).toEqual(["Those arguments don't fit. Usage: /lang <zh|en>"]);
  });

  test("answers an unknown command with a pointer to /help and writes nothing", async () => {
    const before = await bot.snapshot();
    expect(texts(await bot.user("sunli", "孙丽").says("/签到到"))).toEqual([
      "未知命令 /签到到。发送 /help 查看可用命令。",
    ]);
    expect(await bot.snapshot()).toEqual(before);
  });

  test("echoes an unknown command at most 32 characters long, without bidi or zero-width characters", async () => {
    const stranger = bot.user("sunli", "孙丽");
    const long = `/${"签".repeat(40)}`;
    expect(texts(await stranger.says(long))).toEqual([
      `未知命令 /${"签".repeat(32)}…。发送 /help 查看可用命令。`,
    ]);
    expect(texts(await stranger.says("/help\u202e\u200bgnp.exe"))).toEqual([
      "未知命令 /helpgnp.exe。发送 /help 查看可用命令。",
    ]);
  });

  test("refuses a command above the person's role politely, before looking at its arguments", async () => {
    const before = await bot.snapshot();
    const [refusal] = await bot.user("zhouqiang", "周强").says("/封存档案");
    expect(refusal?.visibility).toBe("private");
    expect(texts(refusal ? [refusal] : [])[0]).toContain("需要「支部书记」权限");
    expect(await bot.snapshot()).toEqual(before);
  });

  test("rolls back everything a failing command wrote and says nothing was changed", async () => {
    const user = bot.user("wujun", "吴军");
    const before = await bot.snapshot();
    expect(texts(await user.says("/failing"))).toEqual(["抱歉，处理时出错了，没有做任何更改。请稍后再试。"]);
    expect(await bot.snapshot()).toEqual(before);
  });

  test("does not advertise commands above the person's role in /help", async () => {
    const [reply] = texts(await bot.user("xuming", "徐明").says("/help"));
    expect(reply).not.toContain("seal_archive");
  });
});

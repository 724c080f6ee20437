import { PassThrough } from "node:stream";
import { describe, expect } from "vitest";
import { z } from "zod";
import { commands } from "../../commands/index.js";
import { ConsoleAdapter } from "../../src/adapters/console/console-adapter.js";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";
import { test } from "../support/fixture.js";
import type { TestBot } from "../support/test-bot.js";

// A command with buttons, to press them from the console.
const poll = defineCommand({
  name: "poll",
  aliases: [],
  role: "anyone",
  args: z.array(z.string()),
  async run({ args, actor }) {
    if (args[0] === "yes") return textReply(`${actor.displayName} 选择了参加`);
    return textReply("是否参加？", {
      buttons: [
        [
          { label: "参加", command: "poll", args: ["yes"] },
          { label: "请假", command: "poll", args: ["no"] },
        ],
      ],
    });
  },
});

async function converse(bot: TestBot, lines: string[], user = { id: "secretary", name: "李书记" }) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  const adapter = new ConsoleAdapter({
    input,
    output,
    handle: (incoming) => bot.app.handle(incoming),
    t: bot.app.i18n.translator("zh-CN"),
    user,
    chat: { id: "一支部群" },
  });
  const done = adapter.run();
  input.end(`${lines.join("\n")}\n`);
  await done;
  return text;
}

describe("the console chat", () => {
  let bot: TestBot;
  test.override({ botOptions: { commands: [...commands, poll] } });
  test.beforeEach(async ({ bot: started }) => {
    bot = started;
  });

  test("answers /help in Chinese", async () => {
    const out = await converse(bot, ["/help"]);
    expect(out).toContain("党支部助手");
    expect(out).toContain("李书记，您好");
  });

  test("switches identity with :as and the chat with :in, and says so", async () => {
    const out = await converse(bot, [":as wanghong 王红", "/whoami", ":in 二支部群", ":who"]);
    expect(out).toContain("现在的身份：王红（wanghong）");
    expect(out).toContain("姓名：王红");
    expect(out).toContain("当前会话：一支部群");
    expect(out).toContain("身份：王红（wanghong），会话：二支部群");
  });

  test("lets the person press a button by its number", async () => {
    const out = await converse(bot, ["/poll", ":press 1"]);
    expect(out).toContain("[1] 参加   [2] 请假");
    expect(out).toContain("李书记 选择了参加");
  });

  test("explains itself on an unknown meta command or a missing button", async () => {
    const out = await converse(bot, [":fly", ":press 9"]);
    expect(out).toContain("控制台命令");
    expect(out).toContain("没有编号为 9 的按钮");
  });

  test("stores what a person does in the console like on any platform", async () => {
    await converse(bot, ["/lang en"], { id: "zhaomin", name: "赵敏" });
    const account = await bot.prisma.platformAccount.findFirstOrThrow({ include: { person: true } });
    expect(account).toMatchObject({ platform: "console", externalId: "zhaomin", person: { locale: "en" } });
  });
});

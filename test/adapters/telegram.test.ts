// The real grammY Bot against a local server speaking the Telegram Bot API, updates arriving
// through the webhook route of the bot's own HTTP server, exactly as in production.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeCallback } from "../../src/adapters/telegram/callback-data.js";
import { createTelegramBot } from "../../src/adapters/telegram/telegram-bot.js";
import { silentLogger } from "../../src/core/logger.js";
import type { DeliveryWorker } from "../../src/delivery/delivery-worker.js";
import type { FakeTelegram } from "../support/fake-telegram.js";
import { testScheduler } from "../support/scheduling.js";
import {
  buildTelegramWorld,
  GROUP,
  keyboardOf,
  PEOPLE,
  startTelegramPeer,
  type TelegramPeer,
  type TgUser,
  texts,
} from "../support/telegram-peer.js";
import type { TestBot } from "../support/test-bot.js";

describe("Telegram, end to end", () => {
  let peer: TelegramPeer;
  let bot: TestBot;
  let fake: FakeTelegram;
  let worker: DeliveryWorker;
  const { admin, secretary, member } = PEOPLE;
  const post = (update: Update, secret?: string) => peer.post(update, secret);
  const says = (user: TgUser, text: string, where: "private" | "group" = "private") =>
    peer.says(user, text, where);
  const messageIdOf = (call: { result?: unknown } | undefined) =>
    (call?.result as { message_id?: number } | undefined)?.message_id ?? 0;

  beforeAll(async () => {
    peer = await startTelegramPeer();
    ({ bot, fake, worker } = peer);
    await buildTelegramWorld(peer);
  });
  afterAll(async () => {
    await peer.close();
  });

  it("lets a member join, and the secretary schedule a meeting whose announcement is posted with buttons", async () => {
    const replies = await peer.schedules(secretary, "党课 3月5日 15:00 党员活动室 学习党章", "group");
    expect(texts(replies)).toContain("已安排【党课】学习党章");
    await worker.drainOnce();
    const announcement = fake.sent().at(-1);
    expect(announcement?.params.chat_id).toBe(String(GROUP));
    expect(announcement?.params.parse_mode).toBe("HTML");
    expect(String(announcement?.params.text)).toContain("<b>【党课】学习党章</b>");
    const keyboard = keyboardOf(announcement);
    expect(keyboard[0]?.map((b) => b.text)).toEqual(["参加", "请假"]);
  });

  it("handles 参加 with a toast and edits the announcement in place", async () => {
    const announcement = fake
      .sent()
      .filter((c) => c.params.chat_id === String(GROUP))
      .at(-1);
    const attend = keyboardOf(announcement)[0]?.[0];
    const messageId = 100 + fake.sent().indexOf(announcement as never);
    const press = fake.push({
      callback_query: {
        id: "cb-1",
        chat_instance: "x",
        from: { ...member, is_bot: false },
        data: attend?.callback_data,
        message: {
          message_id: messageId,
          date: 0,
          chat: { id: GROUP, type: "supergroup", title: "幸福里党员群" },
        },
      },
    } as never);
    expect((await post(press)).status).toBe(200);
    expect(fake.sent("answerCallbackQuery").at(-1)?.params.text).toContain("已报名参加「学习党章」");
    await worker.drainOnce();
    const edit = fake.sent("editMessageText").at(-1);
    expect(edit?.params.chat_id).toBe(String(GROUP));
    expect(String(edit?.params.text)).toContain("报名参加 1");

    // The same update delivered twice is applied once.
    const before = await bot.prisma.meetingResponse.count();
    expect((await post(press)).status).toBe(200);
    expect(await bot.prisma.meetingResponse.count()).toBe(before);
  });

  it("answers presses of different members in one group side by side, and one member's in order", async () => {
    const announcement = fake
      .sent()
      .filter((c) => c.params.chat_id === String(GROUP))
      .at(-1);
    const attend = keyboardOf(announcement)[0]?.[0];
    const pressBy = (user: TgUser, id: string) =>
      fake.push({
        callback_query: {
          id,
          chat_instance: "x",
          from: { ...user, is_bot: false },
          data: attend?.callback_data,
          message: { message_id: 1, date: 0, chat: { id: GROUP, type: "supergroup", title: "幸福里党员群" } },
        },
      } as never);
    fake.latencyMs = 300;
    try {
      await Promise.all([post(pressBy(member, "cb-a")), post(pressBy(secretary, "cb-b"))]);
      expect(fake.mostInFlight("answerCallbackQuery")).toBe(2);
      const answered = fake.sent("answerCallbackQuery").length;
      await Promise.all([post(pressBy(member, "cb-c")), post(pressBy(member, "cb-d"))]);
      expect(fake.sent("answerCallbackQuery").length).toBe(answered + 2);
    } finally {
      fake.latencyMs = 0;
    }
  });

  it("asks for the leave reason in the private chat after 请假 is pressed in the group", async () => {
    const announcement = fake
      .sent()
      .filter((c) => c.params.chat_id === String(GROUP))
      .at(-1);
    const leave = keyboardOf(announcement)[0]?.[1];
    await post(
      fake.push({
        callback_query: {
          id: "cb-2",
          chat_instance: "x",
          from: { ...member, is_bot: false },
          data: leave?.callback_data,
          message: { message_id: 1, date: 0, chat: { id: GROUP, type: "supergroup", title: "幸福里党员群" } },
        },
      } as never),
    );
    const asked = fake.sent().at(-1);
    expect(asked?.params.chat_id).toBe(member.id);
    expect(String(asked?.params.text)).toContain("请假理由");
    expect(texts(await says(member, "去石家庄出差"))).toContain("已提交「学习党章」的请假申请");
  });

  it("delivers a reminder to the group and takes 签到 from it when check-in opens", async () => {
    const scheduled = texts(
      await peer.schedules(secretary, "党课 3月8日 10:00 党员活动室 七一专题", "group"),
    );
    const code = scheduled.match(/\b(H[0-9A-Z]{4})\b/)?.[1] ?? "";
    const scheduler = testScheduler(bot, "tg");
    bot.clock.set("2026-03-07T01:55:00Z");
    await scheduler.tick();
    bot.clock.set("2026-03-07T02:05:00Z"); // 24 hours before 10:00 on the 8th
    await scheduler.tick();
    await worker.drainOnce();
    const reminder = fake
      .sent()
      .filter((c) => String(c.params.text).includes("会议提醒"))
      .at(-1);
    expect(reminder?.params.chat_id).toBe(String(GROUP));
    expect(String(reminder?.params.text)).toContain(`七一专题」，地点：党员活动室。会议编号 ${code}`);

    bot.clock.set("2026-03-08T01:25:00Z");
    await scheduler.tick();
    bot.clock.set("2026-03-08T01:36:00Z"); // check-in opens at 09:30
    await scheduler.tick();
    await worker.drainOnce();
    const opening = fake
      .sent()
      .filter((c) => String(c.params.text).includes("开始签到"))
      .at(-1);
    const button = keyboardOf(opening)[0]?.[0];
    expect(button?.text).toBe("签到");
    await post(
      fake.push({
        callback_query: {
          id: "cb-9",
          chat_instance: "x",
          from: { ...member, is_bot: false },
          data: button?.callback_data,
          message: { message_id: 1, date: 0, chat: { id: GROUP, type: "supergroup", title: "幸福里党员群" } },
        },
      } as never),
    );
    expect(fake.sent("answerCallbackQuery").at(-1)?.params.text).toContain("签到成功");
    await scheduler.stop();
  });

  it("takes a micro-wish claimed by button: the group hears who claimed it, the resident's details go by private message", async () => {
    const posted = await says(secretary, "/wish 一台电饭煲 | 幸福里3号楼201 张桂兰奶奶 13903150011", "group");
    const wishPost = posted.find(
      (c) => c.method === "sendMessage" && String(c.params.chat_id) === String(GROUP),
    );
    expect(String(wishPost?.params.text)).not.toContain("张桂兰");
    const claim = keyboardOf(wishPost)[0]?.[0];
    expect(claim?.text).toBe("认领");
    const before = fake.calls.length;
    await post(
      fake.push({
        callback_query: {
          id: "cb-wish",
          chat_instance: "x",
          from: { ...member, is_bot: false },
          data: claim?.callback_data,
          message: { message_id: 1, date: 0, chat: { id: GROUP, type: "supergroup", title: "幸福里党员群" } },
        },
      } as never),
    );
    const answered = fake.calls.slice(before);
    const to = (chat: number) =>
      answered.filter((c) => String(c.params.chat_id) === String(chat)).map((c) => String(c.params.text));
    const inGroup = to(GROUP);
    const privately = to(member.id);
    expect(inGroup.join("\n")).toContain("微心愿「一台电饭煲」已由 王芳 认领");
    expect(inGroup.join("\n")).not.toContain("张桂兰");
    expect(privately.join("\n")).toContain("张桂兰奶奶 13903150011");
  });

  it("answers /chart in the group with a photo of the leaderboard card, captioned with the board", async () => {
    const calls = await says(member, "/chart 积分", "group");
    const photo = calls.find((c) => c.method === "sendPhoto");
    expect(photo?.params.chat_id).toBe(String(GROUP));
    expect(String(photo?.params.caption)).toContain("【每周榜单】幸福里社区党支部");
    // The upload is the PNG itself.
    const upload = Object.values(photo?.params ?? {}).find((v) => String(v).slice(1, 16).includes("PNG\r\n"));
    expect(upload).toBeDefined();
  });

  it("sends a file reply (an export) as a document with its caption", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "tg-doc-")), "台账.xlsx");
    writeFileSync(file, "fake workbook");
    const sender = createTelegramBot({
      token: fake.token,
      apiRoot: fake.apiRoot,
      botInfo: fake.botUser as never,
      secret: "s",
      handle: async () => [],
      t: bot.app.i18n.translator("zh-CN"),
      logger: silentLogger,
    }).sender;
    await sender.send(
      `user:${secretary.id}`,
      {
        segments: [{ text: "幸福里社区党支部 2026年第1季度台账" }],
        attachment: { kind: "file", filename: "台账.xlsx", path: file },
      },
      {},
    );
    const doc = fake.sent("sendDocument").at(-1);
    expect(doc?.params).toMatchObject({
      chat_id: String(secretary.id),
      caption: "幸福里社区党支部 2026年第1季度台账",
    });
    expect(Object.values(doc?.params ?? {})).toContain("fake workbook"); // the file itself was uploaded
  });

  it("asks a question in a privacy-mode group with a reply box, and takes only the asker's reply as its answer", async () => {
    const asked = await says(secretary, "/schedule", "group");
    const question = asked.find(
      (c) => c.method === "sendMessage" && String(c.params.text).includes("请选择会议类型"),
    );
    expect(question?.params.reply_markup).toBeDefined();
    // A question with buttons (the meeting type) is answered by pressing one; the next is typed.
    const pressed = keyboardOf(question)[0]?.[0];
    const next = fake.push({
      callback_query: {
        id: "cb-guided",
        chat_instance: "ci",
        from: { ...secretary, is_bot: false },
        message: {
          message_id: messageIdOf(question),
          date: 0,
          chat: { id: GROUP, type: "supergroup", title: "幸福里党员群" },
        },
        data: pressed?.callback_data,
      },
    } as never);
    const before = fake.calls.length;
    expect((await post(next)).status).toBe(200);
    const ask = fake.calls.slice(before).find((c) => c.method === "sendMessage");
    expect(String(ask?.params.text)).toContain("请输入日期");
    expect(ask?.params.reply_markup).toEqual({ force_reply: true, selective: true });
    expect(String(ask?.params.text)).toContain("回复这条消息");
    const askId = messageIdOf(ask);

    // Typed without replying, the date is not for the bot: privacy mode keeps it from the bot,
    // and were it delivered the bot would take it for talk between people.
    const stray = {
      message: {
        message_id: 900,
        date: 0,
        chat: { id: GROUP, type: "supergroup", title: "幸福里党员群" },
        from: { ...secretary, is_bot: false },
        text: "3月12日",
      },
    };
    expect(fake.deliverable(stray as never)).toBe(false);
    const quiet = fake.calls.length;
    expect((await post(fake.push(stray as never))).status).toBe(200);
    expect(fake.calls.slice(quiet).filter((c) => c.method === "sendMessage")).toHaveLength(0);

    // Replying to the question is the answer.
    const answer = {
      message: {
        message_id: 901,
        date: 0,
        chat: { id: GROUP, type: "supergroup", title: "幸福里党员群" },
        from: { ...secretary, is_bot: false },
        text: "3月12日",
        reply_to_message: {
          message_id: askId,
          date: 0,
          chat: { id: GROUP, type: "supergroup" },
          from: fake.botUser,
        },
      },
    };
    expect(fake.deliverable(answer as never)).toBe(true);
    const then = fake.calls.length;
    expect((await post(fake.push(answer as never))).status).toBe(200);
    const following = fake.calls.slice(then).find((c) => c.method === "sendMessage");
    expect(String(following?.params.text)).toContain("请输入开始时间");
    expect(following?.params.reply_parameters).toMatchObject({ message_id: 901 });
    await says(secretary, "取消", "group"); // as a plain message: ignored, the prompt stays
    const cancel = {
      message: {
        ...answer.message,
        message_id: 902,
        text: "取消",
        reply_to_message: {
          ...answer.message.reply_to_message,
          message_id: messageIdOf(following),
        },
      },
    };
    await post(fake.push(cancel as never));
  });

  it("sends an administrator's English /help, longer than Telegram takes, as several whole messages", async () => {
    await says(admin, "/lang en");
    const help = (await says(admin, "/help")).filter((c) => c.method === "sendMessage");
    await says(admin, "/lang zh");
    const whole = help.map((c) => String(c.params.text));
    expect(whole.join("\n").length).toBeGreaterThan(4096);
    expect(help.length).toBeGreaterThan(1);
    for (const text of whole) expect(text.length).toBeLessThanOrEqual(4096);
    // Cut between lines: every part ends a line, and the last command's line is there.
    expect(whole.join("\n")).toContain("/outbox");
  });

  it("answers what went wrong with a button pressed in the group to the presser alone", async () => {
    // A button of the bot's own making for a meeting that no longer exists.
    const press = fake.push({
      callback_query: {
        id: "cb-gone",
        chat_instance: "x",
        from: { ...member, is_bot: false },
        data: encodeCallback("button-signing-secret", "attend", ["HZZZZ"]),
        message: { message_id: 1, date: 0, chat: { id: GROUP, type: "supergroup", title: "幸福里党员群" } },
      },
    } as never);
    const before = fake.calls.length;
    expect((await post(press)).status).toBe(200);
    const after = fake.calls.slice(before);
    const inGroup = after.filter((c) => c.method === "sendMessage" && c.params.chat_id === GROUP);
    expect(inGroup.map((c) => c.params.text)).toEqual([]);
    expect(String(after.find((c) => c.method === "answerCallbackQuery")?.params.text)).toContain("HZZZZ");
  });
});

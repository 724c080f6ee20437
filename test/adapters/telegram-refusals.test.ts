// The real grammY Bot against a local Bot API server, as in telegram.test.ts: what it refuses
// (forged buttons, unbound groups, wrong webhook secrets, edits, channel posts, bad commands) and
// how it recovers from a 429.
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeliveryWorker } from "../../src/delivery/delivery-worker.js";
import type { FakeTelegram } from "../support/fake-telegram.js";
import {
  buildTelegramWorld,
  GROUP,
  PEOPLE,
  startTelegramPeer,
  type TelegramPeer,
  type TgUser,
  texts,
} from "../support/telegram-peer.js";
import type { TestBot } from "../support/test-bot.js";

describe("Telegram, what it refuses and how it recovers", () => {
  let peer: TelegramPeer;
  let bot: TestBot;
  let fake: FakeTelegram;
  let worker: DeliveryWorker;
  const { secretary, member } = PEOPLE;
  const post = (update: Update, secret?: string) => peer.post(update, secret);
  const says = (user: TgUser, text: string, where: "private" | "group" = "private") =>
    peer.says(user, text, where);

  beforeAll(async () => {
    peer = await startTelegramPeer();
    ({ bot, fake, worker } = peer);
    await buildTelegramWorld(peer);
  });
  afterAll(async () => {
    await peer.close();
  });

  it("refuses a forged button, an unbound group and a wrong webhook secret, and ignores edits and channel posts", async () => {
    const before = fake.calls.length;
    await post(
      fake.push({
        callback_query: {
          id: "cb-3",
          chat_instance: "x",
          from: { ...member, is_bot: false },
          data: "forgedsig0attend\u001fHXXXX",
          message: { message_id: 1, date: 0, chat: { id: GROUP, type: "supergroup", title: "g" } },
        },
      } as never),
    );
    expect(fake.sent("answerCallbackQuery").at(-1)?.params).toMatchObject({
      show_alert: true,
      text: expect.stringContaining("按钮已失效"),
    });

    const unbound = { id: -100999, type: "supergroup" as const, title: "别的群" };
    await post(
      fake.push({
        message: {
          message_id: 5,
          date: 0,
          chat: unbound,
          from: { ...member, is_bot: false },
          text: "/members",
        },
      } as never),
    );
    expect(String(fake.sent().at(-1)?.params.text)).toContain("本群尚未绑定党组织");

    const wrong = await post(
      fake.push({
        message: {
          message_id: 6,
          date: 0,
          chat: { id: member.id, type: "private", first_name: "王芳" },
          from: { ...member, is_bot: false },
          text: "/lang en",
        },
      } as never),
      "not-the-secret",
    );
    expect(wrong.status).toBe(401);
    const missing = await post(
      fake.push({
        message: {
          message_id: 7,
          date: 0,
          chat: { id: member.id, type: "private", first_name: "王芳" },
          from: { ...member, is_bot: false },
          text: "/lang en",
        },
      } as never),
      "",
    );
    expect(missing.status).toBe(401);

    const callsBefore = fake.calls.length;
    await post(
      fake.push({
        edited_message: {
          message_id: 8,
          date: 0,
          edit_date: 0,
          chat: { id: member.id, type: "private", first_name: "王芳" },
          from: { ...member, is_bot: false },
          text: "/lang en",
        },
      } as never),
    );
    await post(
      fake.push({
        channel_post: {
          message_id: 9,
          date: 0,
          chat: { id: -100777, type: "channel", title: "公告频道" },
          text: "/help",
        },
      } as never),
    );
    expect(fake.calls.length).toBe(callsBefore);
    expect(before).toBeLessThan(fake.calls.length);
    const person = await bot.prisma.person.findFirstOrThrow({
      where: { accounts: { some: { externalId: String(member.id) } } },
    });
    expect(person.locale).toBeNull();
  });

  it("retries after Telegram's retry_after when it answers 429, and delivers", async () => {
    await worker.drainOnce(); // what earlier steps queued (notices) goes first
    await peer.schedules(secretary, "支委会 3月6日 19:30 党员活动室 研究三月工作", "group");
    fake.failWith429("sendMessage", 1);
    const before = fake.sent().length;
    await worker.drainOnce();
    // Nothing goes out before the wait the platform asked for; then it does.
    expect(await worker.drainOnce()).toBe(0);
    bot.clock.advance(1_000);
    await worker.drainOnce();
    const attempts = fake
      .sent()
      .slice(before)
      .filter((c) => c.params.chat_id === String(GROUP));
    expect(attempts.length).toBe(2);
    expect(String(attempts[1]?.params.text)).toContain("研究三月工作");
    expect(await bot.prisma.outboxMessage.count({ where: { sentAt: null } })).toBe(0);
  });

  it("answers an unknown command and malformed arguments with clear messages", async () => {
    expect(texts(await says(member, "/dance"))).toContain("未知命令 /dance");
    expect(texts(await says(member, "/lang 火星文"))).toContain("参数有误。用法：/lang &lt;zh|en&gt;");
  });
  it("tells the secretary in words when Telegram refuses the 台账 file", async () => {
    fake.failWithBadRequest("sendDocument", "Bad Request: file is too big");
    const calls = await says(secretary, "/export 季");
    expect(calls.filter((c) => c.method === "sendDocument")).toHaveLength(1);
    const told = calls.filter((c) => c.method === "sendMessage").map((c) => String(c.params.text));
    expect(told.join("\n")).toMatch(/文件「幸福里社区党支部-\d{4}年第\d季度-台账\.xlsx」没能发出/);
  });
});

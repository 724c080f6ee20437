// What happens to a message the platform refuses, end to end: the real delivery worker and the
// real grammY / Bolt senders against fakes that refuse what Telegram and Slack refuse. Each error
// class ends in its own stored state, with the capped number of attempts at most, and the people
// who need to know are told once.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Platform } from "../../src/core/incoming.js";
import { silentLogger } from "../../src/core/logger.js";
import { textReply } from "../../src/core/reply.js";
import { DeliveryWorker, MAX_ATTEMPTS } from "../../src/delivery/delivery-worker.js";
import type { Sender } from "../../src/delivery/sender.js";
import { deliveryWorkerFor, slackSenderFor, telegramSenderFor } from "../support/fake-senders.js";
import { FakeSlack } from "../support/fake-slack.js";
import { FakeTelegram } from "../support/fake-telegram.js";
import { codeIn, joined } from "../support/replies.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";
import { buildQuietWorld, enrol, type World } from "../support/world.js";

describe("messages Telegram refuses", () => {
  let bot: TestBot;
  let world: World;
  let fake: FakeTelegram;
  let worker: DeliveryWorker;
  const sendsTo = (chat: string) => fake.calls.filter((c) => String(c.params.chat_id) === chat);
  /** The text messages to a chat: not the .ics file that follows each announcement. */
  const textsTo = (chat: string) => sendsTo(chat).filter((c) => c.method !== "sendDocument");

  beforeEach(async () => {
    bot = await startTestBot({ platform: "telegram" });
    bot.clock.set("2026-03-02T01:00:00Z");
    world = await buildQuietWorld(bot);
    fake = new FakeTelegram();
    fake.enforceLimits = true;
    fake.latencyMs = 20;
    await fake.start();
    worker = deliveryWorkerFor(bot, "telegram", telegramSenderFor(fake, bot.app.i18n.translator("zh-CN")));
  });
  afterEach(async () => {
    await worker.stop();
    await fake.stop();
    await bot.close();
  });

  it("marks a member who blocked the bot unreachable after one attempt, and the secretary sees it in /members", async () => {
    const wang = bot.user("wang-fang", "王芳");
    await enrol(world.secretaryA, wang);
    const person = await bot.prisma.person.findFirstOrThrow({ where: { displayName: "王芳" } });
    fake.blockedBy.add("wang-fang");
    const queued = await bot.app.services.transaction((s) =>
      s.outbox.toPerson(person.id, textReply("【提醒】明天上午9点主题党日"), { now: bot.clock.now() }),
    );
    expect(queued).toBe(1);
    await worker.drainOnce();
    bot.clock.advanceMinutes(60);
    await worker.drainOnce();
    expect(sendsTo("wang-fang")).toHaveLength(1);
    expect(
      await bot.prisma.outboxMessage.findFirstOrThrow({ where: { chatId: "user:wang-fang" } }),
    ).toMatchObject({
      deadAt: expect.any(Date),
      failure: "unreachable",
      attempts: 0,
    });
    // Further private messages are not even queued until she writes to the bot.
    const again = await bot.app.services.transaction((s) =>
      s.outbox.toPerson(person.id, textReply("【提醒】党费"), { now: bot.clock.now() }),
    );
    expect(again).toBe(0);
    const roster = joined(await world.secretaryA.says("/members"));
    expect(roster).toContain("1 名党员尚未与机器人私聊");
    expect(roster).toContain("王芳");
    // A member does not see the note.
    expect(joined(await wang.in(world.groupA).says("/members"))).not.toContain("尚未与机器人私聊");

    await wang.says("/whoami");
    const back = await bot.app.services.transaction((s) =>
      s.outbox.toPerson(person.id, textReply("【提醒】党费"), { now: bot.clock.now() }),
    );
    expect(back).toBe(1);
    expect(joined(await world.secretaryA.says("/members"))).not.toContain("尚未与机器人私聊");
  });

  it("unbinds a group the bot was removed from after one attempt, and tells the secretary privately once", async () => {
    fake.kickedFrom.add("xingfuli-group");
    await world.secretaryA.in(world.groupA).schedules("支委会 3月6日 19:30 党员活动室 研究三月工作");
    await worker.drainOnce();
    expect(sendsTo("xingfuli-group")).toHaveLength(1);
    const chat = await bot.prisma.chat.findFirstOrThrow({ where: { externalId: "xingfuli-group" } });
    expect(chat).toMatchObject({ organizationId: null, goneAt: expect.any(Date) });
    const notice = sendsTo("li-jianguo");
    expect(notice).toHaveLength(1);
    expect(String(notice[0]?.params.text)).toContain("幸福里党员群");
    expect(String(notice[0]?.params.text)).toContain("解除绑定");

    // Later news of the branch no longer goes to the group, and nobody is told twice.
    await world.secretaryA.schedules("党课 3月9日 15:00 党员活动室 学习党章");
    bot.clock.advanceMinutes(60);
    await worker.drainOnce();
    expect(sendsTo("xingfuli-group")).toHaveLength(1);
    expect(sendsTo("li-jianguo")).toHaveLength(1);
  });

  it("follows a group that became a supergroup: rebinds it and delivers there", async () => {
    fake.migrated.set("xingfuli-group", "-1009876543210");
    const scheduled = joined(
      await world.secretaryA.in(world.groupA).schedules("支委会 3月6日 19:30 党员活动室 研究三月工作"),
    );
    await worker.drainOnce();
    const there = textsTo("-1009876543210");
    expect(there).toHaveLength(1);
    expect(String(there[0]?.params.text)).toContain("研究三月工作");
    const moved = await bot.prisma.chat.findFirstOrThrow({ where: { externalId: "-1009876543210" } });
    const branch = await bot.prisma.organization.findFirstOrThrow({ where: { code: world.branchA } });
    expect(moved.organizationId).toBe(branch.id);

    // The announcement's later edits go to the new chat too.
    await world.secretaryA.says(`/attend ${codeIn(scheduled, "H")}`);
    await worker.drainOnce();
    const edits = fake.sent("editMessageText");
    expect(edits.map((e) => String(e.params.chat_id))).toEqual(["-1009876543210"]);
    expect(String(edits[0]?.params.text)).toContain("报名参加 1");
  });

  it("posts an announcement afresh when its message was deleted in the group", async () => {
    const scheduled = joined(
      await world.secretaryA.in(world.groupA).schedules("支委会 3月6日 19:30 党员活动室 研究三月工作"),
    );
    await worker.drainOnce();
    const first = await bot.prisma.postedMessage.findFirstOrThrow();
    fake.deletedMessages.add(`xingfuli-group:${first.messageId}`);
    await world.secretaryA.says(`/attend ${codeIn(scheduled, "H")}`);
    await worker.drainOnce();
    const posts = fake.sent().filter((c) => String(c.params.chat_id) === "xingfuli-group");
    expect(posts).toHaveLength(2);
    expect(String(posts[1]?.params.text)).toContain("报名参加 1");
    const second = await bot.prisma.postedMessage.findFirstOrThrow();
    expect(second.messageId).not.toBe(first.messageId);
    expect(
      await bot.prisma.outboxMessage.count({ where: { kind: "announcement", sentAt: null, deadAt: null } }),
    ).toBe(0);
  });

  it("does not retry what Telegram refused as content, and says so in /outbox", async () => {
    await bot.app.services.transaction((s) =>
      s.outbox.toChat(
        { platform: "telegram", chatId: "xingfuli-group" },
        textReply("【通知】学习材料见附件"),
        {
          now: bot.clock.now(),
        },
      ),
    );
    fake.failWithBadRequest("sendMessage", "Bad Request: can't parse entities: Unsupported start tag");
    await worker.drainOnce();
    bot.clock.advanceMinutes(60);
    await worker.drainOnce();
    expect(sendsTo("xingfuli-group")).toHaveLength(1);
    expect(await bot.prisma.outboxMessage.findFirstOrThrow()).toMatchObject({ failure: "rejected" });
    expect(joined(await world.admin.says("/outbox"))).toContain("平台拒收内容");
  });

  it("retries a failing send with backoff, dead-letters it after the cap, and sends it again on /outbox retry", async () => {
    fake.failWithServerError("sendMessage", MAX_ATTEMPTS);
    await world.secretaryA.in(world.groupA).schedules("支委会 3月6日 19:30 党员活动室 研究三月工作");
    await worker.drainOnce();
    expect(await worker.drainOnce()).toBe(0); // backing off
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      bot.clock.advanceMinutes(20);
      await worker.drainOnce();
    }
    expect(fake.sent().filter((c) => String(c.params.chat_id) === "xingfuli-group")).toHaveLength(
      MAX_ATTEMPTS,
    );
    bot.clock.advanceMinutes(60);
    expect(await worker.drainOnce()).toBe(0);
    expect(
      await bot.prisma.outboxMessage.findFirstOrThrow({ where: { kind: "announcement" } }),
    ).toMatchObject({
      failure: "gave-up",
      deadAt: expect.any(Date),
      attempts: MAX_ATTEMPTS - 1,
    });
    const report = joined(await world.admin.says("/outbox"));
    expect(report).toContain("已放弃 1 条");
    expect(report).toContain("多次重试仍失败");
    // Not for a branch secretary.
    expect(joined(await world.secretaryA.says("/outbox"))).not.toContain("多次重试");

    expect(joined(await world.admin.says("/outbox retry 全部"))).toContain("已重新排队 1 条");
    // The chat's pace still counts the .ics file that followed the dead-lettered try: the retry
    // may be put back a second, and goes on the next round.
    await worker.drainOnce();
    bot.clock.advanceMinutes(1);
    await worker.drainOnce();
    expect(fake.sent().filter((c) => String(c.params.chat_id) === "xingfuli-group")).toHaveLength(
      MAX_ATTEMPTS + 1,
    );
    expect(
      await bot.prisma.outboxMessage.findFirstOrThrow({ where: { kind: "announcement" } }),
    ).toMatchObject({ sentAt: expect.any(Date) });
  });
});

describe("a Slack rate limit", () => {
  let bot: TestBot;
  let telegram: FakeTelegram;
  let slack: FakeSlack;
  let worker: DeliveryWorker;

  beforeEach(async () => {
    bot = await startTestBot();
    telegram = new FakeTelegram();
    slack = new FakeSlack();
    await telegram.start();
    await slack.start();
    const t = bot.app.i18n.translator("zh-CN");
    worker = new DeliveryWorker(
      bot.app.services,
      new Map<Platform, Sender>([
        ["telegram", telegramSenderFor(telegram, t)],
        ["slack", slackSenderFor(slack, t)],
      ]),
      bot.app.outboxKinds,
      bot.clock,
      silentLogger,
    );
  });
  afterEach(async () => {
    await worker.stop();
    await telegram.stop();
    await slack.stop();
    await bot.close();
  });

  it("delays only Slack deliveries, and all of them, until its Retry-After has passed", async () => {
    slack.rateLimitNextPost(2, 1);
    await bot.app.services.transaction(async (s) => {
      const now = bot.clock.now();
      for (const [platform, chatId] of [
        ["slack", "C0XINGFU"],
        ["slack", "C0HEPING"],
        ["telegram", "-1001"],
        ["telegram", "-1002"],
      ] as const)
        await s.outbox.toChat({ platform, chatId }, textReply("【通知】本周五前交纳十二月党费"), { now });
    });
    const started = Date.now();
    await worker.drainOnce();
    // Telegram went out at once; Slack was refused once and then held back, both channels.
    expect(
      telegram
        .sent()
        .map((c) => String(c.params.chat_id))
        .sort(),
    ).toEqual(["-1001", "-1002"]);
    expect(slack.called("chat.postMessage").length).toBeLessThanOrEqual(2);
    expect(await bot.prisma.outboxMessage.count({ where: { platform: "slack", sentAt: null } })).toBe(2);

    bot.clock.advance(1_000);
    await worker.drainOnce();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900); // the wall clock waited too
    const posts = slack.called("chat.postMessage");
    expect(new Set(posts.slice(-2).map((p) => p.params.channel))).toEqual(new Set(["C0XINGFU", "C0HEPING"]));
    expect(await bot.prisma.outboxMessage.count({ where: { sentAt: null } })).toBe(0);
    expect(await bot.prisma.outboxMessage.aggregate({ _max: { attempts: true } })).toEqual({
      _max: { attempts: 0 },
    });
  });
});

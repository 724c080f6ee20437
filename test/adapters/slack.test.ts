// The real Bolt app behind its real HTTP receiver, mounted on the bot's HTTP server, receiving
// properly signed requests; a local fake plays the Slack Web API and response URLs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeliveryWorker } from "../../src/delivery/delivery-worker.js";
import type { FakeSlack } from "../support/fake-slack.js";
import { testScheduler } from "../support/scheduling.js";
import {
  buildSlackWorld,
  CHANNEL,
  SLACK_PEOPLE,
  type SlackPeer,
  type SlackUser,
  startSlackPeer,
  textOf,
} from "../support/slack-peer.js";
import type { TestBot } from "../support/test-bot.js";

describe("Slack, end to end", () => {
  let peer: SlackPeer;
  let bot: TestBot;
  let fake: FakeSlack;
  let worker: DeliveryWorker;
  const { admin, secretary, member } = SLACK_PEOPLE;
  const send = (body: string, headers: Record<string, string>) => peer.send(body, headers);
  const slash = (user: SlackUser, text: string, where: "dm" | "channel" = "dm") =>
    peer.slash(user, text, where);
  const press = (user: SlackUser, blocks: never, label: string) => peer.press(user, blocks, label);
  const submit = (user: SlackUser, callbackId: string, metadata: string, values: object) =>
    peer.submit(user, callbackId, metadata, values);
  const _interact = (payload: object) => peer.interact(payload);
  const untilCalled = (method: string, before: number, times = 1) => peer.untilCalled(method, before, times);
  const slashBody = (user: SlackUser, text: string, where: "dm" | "channel", trigger?: string) =>
    peer.slashBody(user, text, where, trigger);

  beforeAll(async () => {
    peer = await startSlackPeer();
    ({ bot, fake, worker } = peer);
    await buildSlackWorld(peer);
  });
  afterAll(async () => {
    await peer.close();
  });

  it("schedules through a modal and posts the announcement with Block Kit buttons", async () => {
    const opened = await slash(secretary, "schedule", "channel");
    const view = opened.find((c) => c.method === "views.open")?.params.view as {
      callback_id: string;
      private_metadata: string;
    };
    expect(view.callback_id).toBe("schedule");
    const replies = await submit(secretary, "schedule", view.private_metadata, {
      type: { value: { type: "static_select", selected_option: { value: "party_lesson" } } },
      date: { value: { type: "datepicker", selected_date: "2026-03-05" } },
      time: { value: { type: "timepicker", selected_time: "15:00" } },
      place: { value: { type: "plain_text_input", value: "社区 三楼 会议室" } },
      topic: { value: { type: "plain_text_input", value: "学习 <党章> & 条例" } },
    });
    // The form is read like a sentence and shown back as a card; 确认 creates it.
    expect(textOf(replies)).toContain("地点：社区 三楼 会议室");
    expect(textOf(await peer.confirms(secretary, replies))).toContain("已安排【党课】学习 <党章> & 条例");
    await worker.drainOnce();
    const announcement = fake.called("chat.postMessage").at(-1);
    expect(announcement?.params.channel).toBe(CHANNEL.id);
    const blocks = announcement?.params.blocks as {
      type: string;
      text?: { text: string };
      elements?: { text: { text: string } }[];
    }[];
    expect(blocks[0]?.text?.text).toContain("*【党课】学习 &lt;党章&gt; &amp; 条例*");
    expect(blocks[1]?.elements?.map((e) => e.text.text)).toEqual(["参加", "请假"]);
  });

  it("takes 参加 as an ephemeral answer and updates the announcement in place", async () => {
    const announcement = fake.called("chat.postMessage").at(-1);
    const answer = await press(member, announcement?.params.blocks as never, "参加");
    const reply = answer.find((c) => c.method === "respond");
    expect(reply?.params).toMatchObject({ response_type: "ephemeral" });
    expect(String(reply?.params.text)).toContain("已报名参加");
    await worker.drainOnce();
    const update = fake.called("chat.update").at(-1);
    const posted = await bot.prisma.postedMessage.findFirstOrThrow({ where: { platform: "slack" } });
    expect(update?.params).toMatchObject({ channel: CHANNEL.id, ts: posted.messageId });
    expect(String(update?.params.text)).toContain("报名参加 1");
  });

  it("asks for the leave reason in a modal and answers privately", async () => {
    const announcement = fake.called("chat.postMessage").at(-1);
    const opened = await press(member, announcement?.params.blocks as never, "请假");
    const view = opened.find((c) => c.method === "views.open")?.params.view as {
      callback_id: string;
      private_metadata: string;
    };
    expect(view.callback_id).toBe("leave_reason");
    const answered = await submit(member, "leave_reason", view.private_metadata, {
      reason: { value: { type: "plain_text_input", value: "出差" } },
    });
    const ephemeral = answered.find((c) => c.method === "chat.postEphemeral");
    expect(ephemeral?.params).toMatchObject({ channel: CHANNEL.id, user: member.id });
    expect(String(ephemeral?.params.text)).toContain("已提交「学习 <党章> & 条例」的请假申请");
  });

  it("rejects a bad or stale signature with 401 and applies nothing", async () => {
    const before = await bot.snapshot();
    const body = slashBody(member, "lang en", "dm");
    expect((await send(body, { ...fake.sign(body), "x-slack-signature": "v0=deadbeef" })).status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await send(body, fake.sign(body, stale))).status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(await bot.snapshot()).toEqual(before);
  });

  it("applies a retried request once", async () => {
    const body = slashBody(member, "lang en", "dm", "trigger-retried");
    expect((await send(body, fake.sign(body))).status).toBe(200);
    expect(
      (
        await send(body, {
          ...fake.sign(body),
          "x-slack-retry-num": "1",
          "x-slack-retry-reason": "http_timeout",
        })
      ).status,
    ).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(await bot.prisma.processedUpdate.count({ where: { updateId: "trigger-retried" } })).toBe(1);
    expect(
      fake.called("respond").filter((c) => String(c.params.text).includes("Language set to English")),
    ).toHaveLength(1);
  });

  it("delivers after waiting when chat.postMessage is rate limited", async () => {
    await worker.drainOnce(); // what earlier steps queued (notices) goes first
    await peer.schedules(secretary, "支委会 3月6日 19:30 党员活动室 研究三月工作", "channel");
    fake.rateLimitNextPost();
    const before = fake.called("chat.postMessage").length;
    await worker.drainOnce();
    // Nothing goes out before the wait the platform asked for; then it does.
    expect(await worker.drainOnce()).toBe(0);
    bot.clock.advance(1_000);
    await worker.drainOnce();
    const posts = fake
      .called("chat.postMessage")
      .slice(before)
      .filter((c) => c.params.channel === CHANNEL.id);
    expect(posts.length).toBe(2);
    expect(String(posts[1]?.params.text)).toContain("研究三月工作");
    expect(await bot.prisma.outboxMessage.count({ where: { sentAt: null, platform: "slack" } })).toBe(0);
  });

  it("records minutes through a modal", async () => {
    const scheduled = textOf(
      await peer.schedules(secretary, "党课 3月7日 10:00 党员活动室 党史学习", "channel"),
    );
    const code = scheduled.match(/\b(H[0-9A-Z]{4})\b/)?.[1] ?? "";
    const before = fake.calls.length;
    const body = slashBody(secretary, `minutes ${code}`, "channel");
    await send(body, fake.sign(body));
    const view = (await peer.settled(before)).find((c) => c.method === "views.open")?.params.view as {
      callback_id: string;
      private_metadata: string;
    };
    expect(view.callback_id).toBe("minutes");
    const beforeSubmit = fake.calls.length;
    await submit(secretary, "minutes", view.private_metadata, {
      content: { value: { type: "plain_text_input", value: "学习党史第一章，交流心得。" } },
      resolutions: { value: { type: "plain_text_input", value: "每月开展一次党史学习。" } },
    });
    // Two answers, one per field; the second may follow the first after a pause.
    const saved = await untilCalled("chat.postEphemeral", beforeSubmit, 2);
    expect(textOf(saved)).toContain("已保存「党史学习」的会议内容");
    expect(textOf(saved)).toContain("已保存「党史学习」的决议");
    const meeting = await bot.prisma.meeting.findUniqueOrThrow({ where: { code } });
    expect(meeting).toMatchObject({
      content: "学习党史第一章，交流心得。",
      resolutions: "每月开展一次党史学习。",
    });
  });

  it("delivers a meeting reminder to the channel", async () => {
    const scheduled = textOf(
      await peer.schedules(secretary, "支委会 3月9日 19:30 党员活动室 研究四月工作", "channel"),
    );
    const code = scheduled.match(/\b(H[0-9A-Z]{4})\b/)?.[1] ?? "";
    await worker.drainOnce();
    const scheduler = testScheduler(bot, "slack");
    bot.clock.set("2026-03-08T11:25:00Z");
    await scheduler.tick();
    bot.clock.set("2026-03-08T11:31:00Z"); // 24 hours before
    await scheduler.tick();
    await worker.drainOnce();
    const reminder = fake
      .called("chat.postMessage")
      .filter((c) => String(c.params.text).includes("会议提醒"))
      .at(-1);
    expect(reminder?.params.channel).toBe(CHANNEL.id);
    expect(String(reminder?.params.text)).toContain(`研究四月工作」，地点：党员活动室。会议编号 ${code}`);
    await scheduler.stop();
  });

  it("claims a micro-wish in the channel: the channel hears who, the resident's details come back ephemerally", async () => {
    await slash(secretary, "wish 一台电饭煲 | 幸福里3号楼201 张桂兰奶奶 13903150011", "channel");
    const wish = await bot.prisma.microWish.findFirstOrThrow({ where: { summary: "一台电饭煲" } });
    const responses = await slash(member, `claim ${wish.code}`, "channel");
    const inChannel = responses
      .filter((r) => r.params.response_type === "in_channel")
      .map((r) => String(r.params.text));
    const ephemeral = responses
      .filter((r) => r.params.response_type !== "in_channel")
      .map((r) => String(r.params.text));
    expect(inChannel.join("\n")).toContain("已由 王芳 认领");
    expect(inChannel.join("\n")).not.toContain("张桂兰");
    expect(ephemeral.join("\n")).toContain("张桂兰奶奶 13903150011");
  });

  it("answers /party chart in the channel with the leaderboard card uploaded as a PNG", async () => {
    const before = fake.calls.length;
    const body = slashBody(secretary, "chart 积分", "channel");
    await send(body, fake.sign(body));
    const answered = await untilCalled("files.completeUploadExternal", before);
    const upload = answered.find((c) => c.method === "files.completeUploadExternal");
    expect(upload?.params.channel_id).toBe(CHANNEL.id);
    expect(String(upload?.params.initial_comment)).toContain("幸福里社区党支部");
    expect(String(JSON.stringify(upload?.params.files))).toMatch(/leaderboard-[0-9a-f]+\.png/);
  });

  it("sends an export as a file in the secretary's direct messages, never in the channel", async () => {
    const before = fake.calls.length;
    const body = slashBody(secretary, "export", "channel");
    await send(body, fake.sign(body));
    // Building the workbook takes a moment after the acknowledgement: wait for the upload itself.
    const answered = await untilCalled("files.completeUploadExternal", before);
    const upload = answered.find((c) => c.method === "files.completeUploadExternal");
    expect(upload?.params.channel_id).toBe(`D0${secretary.id}`);
    expect(String(upload?.params.initial_comment)).toContain("台账已生成");
    expect(answered.some((c) => c.method === "upload")).toBe(true);
    expect(answered.filter((c) => c.method === "chat.postMessage")).toHaveLength(0);
  });

  it("answers an administrator's English help in whole sections within Slack's limits, in one post", async () => {
    await slash(admin, "lang en");
    const [answer, ...more] = await slash(admin, "help");
    await slash(admin, "lang zh");
    expect(more).toHaveLength(0);
    const sections = ((answer?.params.blocks ?? []) as { type: string; text?: { text: string } }[]).filter(
      (b) => b.type === "section",
    );
    expect(sections.length).toBeGreaterThan(1);
    for (const section of sections) expect(section.text?.text.length).toBeLessThanOrEqual(3000);
    expect(sections.map((b) => b.text?.text).join("\n")).toContain("/party outbox");
  });

  it("takes /party /help (a command typed with its slash) as /party help", async () => {
    const answer = textOf(await slash(member, "/help"));
    expect(answer).not.toContain("未知命令");
    expect(answer).toContain("/party help");
  });
});

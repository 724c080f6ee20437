// Conversations on Slack as people have them: questions answered through a form or a direct
// message, texts that name /party commands, names and languages as Slack knows them, the App Home
// tab and the global shortcut.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SlackCall } from "../support/fake-slack.js";
import {
  buildSlackWorld,
  CHANNEL,
  SLACK_PEOPLE,
  type SlackPeer,
  startSlackPeer,
  textOf,
} from "../support/slack-peer.js";

type Block = {
  type: string;
  text?: { text: string };
  elements?: { action_id: string; value: string; text: { text: string } }[];
};
const blocksOf = (call: SlackCall | undefined) => (call?.params.blocks ?? []) as Block[];
const labels = (blocks: Block[]) => blocks.flatMap((b) => b.elements ?? []).map((e) => e.text.text);

describe("Slack conversations", () => {
  let peer: SlackPeer;
  let invite: string;
  const { secretary, member } = SLACK_PEOPLE;

  beforeAll(async () => {
    peer = await startSlackPeer();
    ({ invite } = await buildSlackWorld(peer));
  });
  afterAll(async () => {
    await peer.close();
  });

  it("names members as Slack shows them, not by their handle", async () => {
    const answer = textOf(await peer.slash(member, "whoami"));
    expect(answer).toContain("王芳");
    expect(answer).not.toContain("wangfang");
  });

  it("words every command hint for Slack's /party", async () => {
    const answer = textOf(await peer.slash(secretary, "invite 3", "channel"));
    expect(answer).toContain("/party join");
    expect(answer).not.toMatch(/(^|\s)\/join/);
  });

  it("asks for the sign-in code privately with an 回答 button, and takes the answer from the form", async () => {
    const { bot, fake } = peer;
    await peer.schedules(secretary, "党课 3月2日 09:40 党员活动室 学习党章", "channel");
    const code = (await bot.prisma.meeting.findFirstOrThrow({ where: { topic: "学习党章" } })).code;
    bot.clock.set("2026-03-02T01:30:00Z"); // 09:30 in Shanghai: check-in is open
    const issued = textOf(await peer.slash(secretary, `checkin_code ${code}`));
    const signIn = issued.match(/签到码：(\d{4})/)?.[1] ?? "";
    expect(signIn).toMatch(/^\d{4}$/);
    await peer.worker.drainOnce();
    const announcement = fake
      .called("chat.postMessage")
      .filter((c) => c.params.channel === CHANNEL.id)
      .at(-1);
    const pressed = await peer.press(member, blocksOf(announcement) as never, "签到");
    const question = pressed.find((c) => c.method === "respond");
    expect(question?.params.response_type).toBe("ephemeral");
    expect(String(question?.params.text)).toContain("签到码");
    expect(labels(blocksOf(question))).toContain("回答");

    const opened = await peer.press(member, blocksOf(question) as never, "回答");
    const view = opened.find((c) => c.method === "views.open")?.params.view as {
      callback_id: string;
      private_metadata: string;
    };
    expect(view.callback_id).toBe("answer");
    const answered = await peer.submit(member, "answer", view.private_metadata, {
      answer: { value: { type: "plain_text_input", value: signIn } },
    });
    expect(textOf(answered)).toContain("签到成功");
    // Nothing about it was posted in the channel.
    expect(answered.filter((c) => c.method === "chat.postMessage")).toHaveLength(0);
  });

  it("takes a direct message as a command, without a slash", async () => {
    const answered = await peer.event({
      type: "message",
      channel: `D0${member.id}`,
      channel_type: "im",
      user: member.id,
      text: "meetings",
      ts: "1700000001.000100",
    });
    const post = answered.find((c) => c.method === "chat.postMessage");
    expect(post?.params.channel).toBe(`D0${member.id}`);
    expect(String(post?.params.text)).toContain("近期");
  });

  it("ignores the bot's own messages and applies a retried event once", async () => {
    const before = peer.fake.calls.length;
    const quietly = (event: object, eventId: string) => peer.event(event, eventId, { quiet: true });
    await quietly(
      {
        type: "message",
        channel: `D0${member.id}`,
        channel_type: "im",
        user: peer.fake.identity.botUserId,
        bot_id: peer.fake.identity.botId,
        text: "meetings",
        ts: "1700000002.000100",
      },
      "EvOwn1",
    );
    const dm = {
      type: "message",
      channel: `D0${member.id}`,
      channel_type: "im",
      user: member.id,
      text: "lang zh",
      ts: "1700000003.000100",
    };
    await quietly(dm, "EvRetried1");
    await peer.untilCalled("chat.postMessage", before);
    await quietly(dm, "EvRetried1");
    await new Promise((r) => setTimeout(r, 300));
    const posts = peer.fake.calls.slice(before).filter((c) => c.method === "chat.postMessage");
    expect(posts).toHaveLength(1);
    expect(String(posts[0]?.params.text)).toContain("语言已设置为简体中文");
  });

  it("shows my upcoming meetings with their buttons on the App Home tab", async () => {
    peer.bot.clock.set("2026-03-02T01:00:00Z");
    await peer.schedules(secretary, "支部党员大会 3月9日 19:00 党员活动室 研究三月工作", "channel");
    const published = await peer.event({
      type: "app_home_opened",
      user: member.id,
      channel: `D0${member.id}`,
      tab: "home",
    });
    const home = published.find((c) => c.method === "views.publish")?.params as {
      user_id: string;
      view: { type: string; blocks: Block[] };
    };
    expect(home.user_id).toBe(member.id);
    expect(home.view.type).toBe("home");
    const text = home.view.blocks.map((b) => b.text?.text ?? "").join("\n");
    expect(text).toContain("我的党支部");
    expect(labels(home.view.blocks)).toContain("请假");
    // The meeting checked in to this morning shows it, with nothing left to press.
    expect(text).toContain("✓ 已签到");
  });

  it("sends every merged list and the App Home with block ids Slack takes as unique", async () => {
    const refusedBefore = peer.fake.refusals.length;
    for (const [id, name] of [
      ["U0ZHAOMIN", "赵敏"],
      ["U0SUNLI", "孙丽"],
    ] as const) {
      peer.fake.people.set(id, { name, locale: "zh-CN" });
      await peer.slash({ id, name }, `join ${invite} ${name}`);
    }
    const requests = await peer.slash(secretary, "requests");
    expect(textOf(requests)).toContain("赵敏");
    expect(textOf(requests)).toContain("孙丽");
    await peer.schedules(secretary, "支部党员大会 3月16日 19:00 党员活动室 学习条例", "channel");
    const published = await peer.event({ type: "app_home_opened", user: member.id, tab: "home" });
    const home = published.find((c) => c.method === "views.publish")?.params as { view: { blocks: Block[] } };
    expect(labels(home.view.blocks).filter((l) => l === "请假").length).toBeGreaterThanOrEqual(2);
    expect(peer.fake.refusals.slice(refusedBefore)).toEqual([]);
  });

  it("opens the schedule form from the global shortcut, asking which channel, and schedules there", async () => {
    const { fake } = peer;
    const opened = await peer.interact({
      type: "shortcut",
      callback_id: "schedule_meeting",
      trigger_id: fake.trigger(),
      user: { id: secretary.id, username: secretary.name, team_id: "T0PARTY" },
      team: { id: "T0PARTY", domain: "party" },
      token: "x",
      action_ts: "1",
    });
    const view = opened.find((c) => c.method === "views.open")?.params.view as {
      private_metadata: string;
      blocks: { block_id: string }[];
    };
    expect(view.blocks.map((b) => b.block_id)).toContain("channel");
    const answered = await peer.submit(secretary, "schedule", view.private_metadata, {
      channel: { value: { type: "conversations_select", selected_conversation: CHANNEL.id } },
      type: { value: { type: "static_select", selected_option: { value: "party_lesson" } } },
      date: { value: { type: "datepicker", selected_date: "2026-03-12" } },
      time: { value: { type: "timepicker", selected_time: "15:00" } },
      place: { value: { type: "plain_text_input", value: "党员活动室" } },
      topic: { value: { type: "plain_text_input", value: "学习条例" } },
    });
    expect(textOf(answered)).toContain("请确认会议安排");
    expect(textOf(await peer.confirms(secretary, answered))).toContain("已安排【党课】学习条例");
  });

  it("words forms in the person's language", async () => {
    peer.fake.people.set("U0ENGLISH", { name: "Li Ming", locale: "en-US" });
    const opened = await peer.slash({ id: "U0ENGLISH", name: "liming" }, "schedule", "channel");
    const view = opened.find((c) => c.method === "views.open")?.params.view as { title: { text: string } };
    expect(view.title.text).toBe("Schedule a meeting");
  });

  it("tells the person to ask again when Slack let the form's trigger expire", async () => {
    const { fake } = peer;
    const before = fake.calls.length;
    const body = peer.slashBody(secretary, "schedule", "channel");
    fake.expireTriggers();
    await peer.send(body, fake.sign(body));
    await peer.settled(before);
    const told = fake.calls.slice(before).find((c) => c.method === "respond");
    expect(String(told?.params.text)).toContain("请再发一次");
  });
});

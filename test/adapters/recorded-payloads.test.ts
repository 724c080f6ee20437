// What Telegram and Slack really send, replayed through the real adapters: every field the
// platforms add and our own drivers leave out must be taken in stride, and a redelivered update
// (the same update_id or event_id) applied once. The payloads are test/fixtures/payloads/.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildSlackWorld,
  CHANNEL,
  SLACK_PEOPLE,
  type SlackPeer,
  startSlackPeer,
  textOf,
} from "../support/slack-peer.js";
import {
  buildTelegramWorld,
  GROUP,
  keyboardOf,
  PEOPLE,
  startTelegramPeer,
  type TelegramPeer,
  texts,
} from "../support/telegram-peer.js";

const FILLED = "<filled by the test>";
/** A payload with nothing left to fill: what the test posts is what the platform would. */
const complete = <T>(payload: T): T => {
  expect(JSON.stringify(payload)).not.toContain(FILLED);
  return payload;
};
const recorded = (platform: "telegram" | "slack", name: string) =>
  JSON.parse(
    readFileSync(path.join(import.meta.dirname, "../fixtures/payloads", platform, `${name}.json`), "utf8"),
  );

describe("recorded Telegram updates", () => {
  let peer: TelegramPeer;
  /** Posts a recorded update to the webhook as it was, update_id included; the calls it made. */
  const replay = async (update: object) => {
    const before = peer.fake.calls.length;
    expect((await peer.post(complete(update) as never)).status).toBe(200);
    return peer.fake.calls.slice(before);
  };

  beforeAll(async () => {
    peer = await startTelegramPeer();
    await buildTelegramWorld(peer);
  });
  afterAll(async () => {
    await peer.close();
  });

  it("answers a private command with its bot_command entity and the sender's premium flag", async () => {
    const calls = await replay(recorded("telegram", "private-command"));
    const answer = calls.find((c) => c.method === "sendMessage");
    expect(answer?.params.chat_id).toBe(PEOPLE.member.id);
    expect(texts(calls)).toContain("王芳");
    expect(await replay(recorded("telegram", "private-command"))).toEqual([]);
  });

  it("runs a group command addressed to the bot by name", async () => {
    const calls = await replay(recorded("telegram", "group-command-with-mention"));
    expect(texts(calls)).toContain("近期");
    expect(texts(calls)).not.toContain("没有做任何更改");
  });

  it("takes a button press whose message carries the bot's own keyboard and entities", async () => {
    await peer.schedules(PEOPLE.secretary, "党课 3月5日 15:00 党员活动室 学习党章", "group");
    await peer.worker.drainOnce();
    const announcement = peer.fake
      .sent()
      .filter((c) => c.params.chat_id === String(GROUP))
      .at(-1);
    const attend = keyboardOf(announcement)[0]?.[0];
    expect(attend?.text).toBe("参加");
    const update = recorded("telegram", "callback-query");
    update.callback_query.data = attend?.callback_data;
    update.callback_query.message.reply_markup.inline_keyboard = keyboardOf(announcement);
    update.callback_query.message.message_id = 100 + peer.fake.sent().indexOf(announcement as never);
    await replay(update);
    expect(peer.fake.sent("answerCallbackQuery").at(-1)?.params.text).toContain("已报名参加「学习党章」");
    const responses = await peer.bot.prisma.meetingResponse.count();
    await replay(update);
    expect(await peer.bot.prisma.meetingResponse.count()).toBe(responses);
  });

  it("tells a group it was just added to how to bind it", async () => {
    const calls = await replay(recorded("telegram", "bot-added-to-group"));
    const hint = calls.find((c) => c.method === "sendMessage");
    expect(hint?.params.chat_id).toBe(-1009876543210);
    expect(String(hint?.params.text)).toContain("/bind");
  });

  it("leaves an edited message alone: the command it was ran when it was sent", async () => {
    expect(await replay(recorded("telegram", "edited-message"))).toEqual([]);
  });
});

describe("recorded Slack requests", () => {
  let peer: SlackPeer;
  let recordings = 0;
  const responseUrl = () => `${peer.fake.url}/respond/recorded-${++recordings}`;

  beforeAll(async () => {
    peer = await startSlackPeer();
    await buildSlackWorld(peer);
  });
  afterAll(async () => {
    await peer.close();
  });

  it("answers a slash command with every field Slack sends", async () => {
    const form = { ...recorded("slack", "slash-command"), response_url: responseUrl() };
    const body = new URLSearchParams(complete(form)).toString();
    expect((await peer.send(body, peer.fake.sign(body))).status).toBe(200);
    const answer = textOf(await peer.fake.responses(`/respond/recorded-${recordings}`));
    expect(answer).toContain("王芳");
  });

  it("takes a direct message with rich-text blocks as a command, once for a retried event", async () => {
    const envelope = recorded("slack", "direct-message");
    const body = JSON.stringify(envelope);
    const before = peer.fake.calls.length;
    expect((await peer.send(body, peer.fake.sign(body), "application/json")).status).toBe(200);
    const [answer] = await peer.untilCalled("chat.postMessage", before);
    expect(answer?.params.channel).toBe("D0U0MEMBER");
    expect(String(answer?.params.text)).toContain("王芳");
    const retried = peer.fake.calls.length;
    const again = JSON.stringify(envelope);
    await peer.send(
      again,
      { ...peer.fake.sign(again), "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
      "application/json",
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(peer.fake.calls.slice(retried).filter((c) => c.method === "chat.postMessage")).toEqual([]);
  });

  it("ignores the bot's own message echoed into the direct message, bot_profile and all", async () => {
    const body = JSON.stringify(recorded("slack", "own-message-echo"));
    const before = peer.fake.calls.length;
    expect((await peer.send(body, peer.fake.sign(body), "application/json")).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(peer.fake.calls.slice(before)).toEqual([]);
  });

  it("publishes the App Home when the member opens it", async () => {
    const body = JSON.stringify(recorded("slack", "app-home-opened"));
    const before = peer.fake.calls.length;
    await peer.send(body, peer.fake.sign(body), "application/json");
    const [published] = await peer.untilCalled("views.publish", before);
    expect(published?.params.user_id).toBe("U0MEMBER");
  });

  it("takes a button press whose payload carries the message's blocks and state", async () => {
    await peer.schedules({ id: "U0SECRETARY", name: "lijianguo" }, "党课 3月5日 15:00 党员活动室 学习党章");
    await peer.worker.drainOnce();
    const announcement = peer.fake
      .called("chat.postMessage")
      .filter((c) => c.params.channel === CHANNEL.id)
      .at(-1);
    type Button = { action_id: string; value: string; text: { text: string } };
    const blocks = (announcement?.params.blocks ?? []) as { elements?: Button[] }[];
    const attend = blocks.flatMap((b) => b.elements ?? []).find((e) => e.text.text === "参加");
    if (!attend) throw new Error("no 参加 on the announcement");
    const payload = recorded("slack", "block-actions");
    payload.response_url = responseUrl();
    payload.trigger_id = peer.fake.trigger(); // each interaction has its own
    payload.message.blocks = blocks;
    Object.assign(payload.actions[0], { action_id: attend.action_id, value: attend.value });
    await peer.interact(complete(payload));
    const answer = textOf(await peer.fake.responses(`/respond/recorded-${recordings}`));
    expect(answer).toContain("已报名参加");
  });
  it("takes the buttons off the meeting card a press of 确认 settled, keeping what it said", async () => {
    const card = (
      await peer.slash(SLACK_PEOPLE.secretary, "schedule 党课 3月12日 15:00 党员活动室 学习条例", "channel")
    ).find((c) => c.method === "respond");
    type Button = { action_id: string; value: string; text: { text: string } };
    const blocks = (card?.params.blocks ?? []) as { type: string; elements?: Button[] }[];
    const confirm = blocks.flatMap((b) => b.elements ?? []).find((e) => e.text.text === "确认");
    if (!confirm) throw new Error("no 确认 on the card");
    const payload = recorded("slack", "block-actions");
    payload.user = { id: "U0SECRETARY", username: "lijianguo", name: "lijianguo", team_id: "T0PARTY" };
    payload.response_url = responseUrl();
    payload.trigger_id = peer.fake.trigger(); // each interaction has its own
    payload.message.blocks = blocks;
    payload.message.text = String(card?.params.text ?? "");
    Object.assign(payload.actions[0], { action_id: confirm.action_id, value: confirm.value });
    await peer.interact(complete(payload));
    const answers = await peer.fake.responses(`/respond/recorded-${recordings}`);
    const settled = answers.find((c) => c.params.replace_original === true);
    expect(JSON.stringify(settled?.params.blocks)).toContain("请确认会议安排");
    const kept = (settled?.params.blocks ?? []) as { type: string }[];
    expect(kept.map((b) => b.type)).not.toContain("actions");
    expect(textOf(answers)).toContain("已安排【党课】学习条例");
  });
});

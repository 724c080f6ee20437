// A meeting in a member's calendar opens its announcement: the link Telegram (t.me/c/…, for a
// supergroup) or Slack (the workspace's archives/… permalink) gives the posted message is kept
// with it and written into the feed's event (URL) and description, as a calendar app shows it.
import ical, { type VEvent } from "node-ical";
import { afterEach, describe, expect, it } from "vitest";
import { messageLink } from "../../src/adapters/telegram/telegram-sender.js";
import {
  buildSlackWorld,
  CHANNEL,
  SLACK_PEOPLE,
  type SlackPeer,
  startSlackPeer,
} from "../support/slack-peer.js";
import {
  buildTelegramWorld,
  GROUP,
  PEOPLE,
  startTelegramPeer,
  type TelegramPeer,
  texts,
} from "../support/telegram-peer.js";
import type { TestBot } from "../support/test-bot.js";

const eventsOf = (feed: string | null): VEvent[] =>
  Object.values(ical.sync.parseICS(feed ?? "")).filter((c): c is VEvent => c?.type === "VEVENT");
/** node-ical gives URL;VALUE=URI:… as { params, val }. */
const urlOf = (event: VEvent | undefined) => {
  const url = event?.url as unknown;
  return typeof url === "string" ? url : (url as { val?: string } | undefined)?.val;
};
const tokenIn = (text: string) => text.match(/\/calendar\/([A-Za-z0-9_-]{32})\.ics/)?.[1] ?? "";

/** The member's own feed, as the bot's HTTP route answers it. */
async function feedOf(bot: TestBot, replyText: string) {
  const token = tokenIn(replyText);
  expect(token).not.toBe("");
  return eventsOf(await bot.app.calendarFeed(token));
}

describe("a meeting's link to its announcement", () => {
  let closing: { close(): Promise<void> } | null = null;
  afterEach(async () => {
    await closing?.close();
    closing = null;
  });

  it("links a supergroup's message as t.me/c, and none for basic groups or private chats", () => {
    expect(messageLink("-1001234567890", 42)).toBe("https://t.me/c/1234567890/42");
    expect(messageLink("-4012345", 42)).toBeNull();
    expect(messageLink("1003", 42)).toBeNull();
  });

  it("puts the Telegram announcement's link in the member's calendar", async () => {
    const peer: TelegramPeer = await startTelegramPeer();
    closing = peer;
    await buildTelegramWorld(peer);
    await peer.schedules(PEOPLE.secretary, "党课 3月5日 15:00 党员活动室 学习党章");
    const before = peer.fake.calls.length;
    await peer.worker.drainOnce();
    const announcement = peer.fake.calls
      .slice(before)
      .find((c) => c.method === "sendMessage" && String(c.params.text).includes("学习党章"));
    const messageId = (announcement?.result as { message_id: number } | undefined)?.message_id;
    expect(messageId).toBeGreaterThan(0);
    const link = `https://t.me/c/${String(GROUP).slice(4)}/${messageId}`;

    const [event] = await feedOf(peer.bot, texts(await peer.says(PEOPLE.member, "/calendar")));
    expect(urlOf(event)).toBe(link);
    expect(event?.description).toContain(link);
  });

  it("puts the Slack announcement's permalink in the member's calendar", async () => {
    const peer: SlackPeer = await startSlackPeer();
    closing = peer;
    await buildSlackWorld(peer);
    await peer.schedules(SLACK_PEOPLE.secretary, "党课 3月5日 15:00 党员活动室 学习党章");
    await peer.worker.drainOnce();
    // The announcement's ts, as Slack answered chat.postMessage and the bot kept it to edit it.
    const { messageId: ts } = await peer.bot.prisma.postedMessage.findFirstOrThrow({
      where: { platform: "slack", chatId: CHANNEL.id },
    });
    expect(ts).toMatch(/^\d+\.\d+$/);
    const link = `https://party.slack.com/archives/${CHANNEL.id}/p${ts.replace(".", "")}`;

    const answer = await peer.slash(SLACK_PEOPLE.member, "calendar", "dm");
    const [event] = await feedOf(peer.bot, JSON.stringify(answer.map((c) => c.params)));
    expect(urlOf(event)).toBe(link);
  });
});

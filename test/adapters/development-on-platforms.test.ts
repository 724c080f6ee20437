// 发展党员 steps through the real Telegram and Slack adapters: a secretary opens a file and
// records a step from the branch's group, and what comes back — the applicant's 查看码 among it —
// reaches only the secretary, never the group or the channel.
import { afterEach, describe, expect, it } from "vitest";
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
  PEOPLE,
  startTelegramPeer,
  type TelegramPeer,
  texts,
} from "../support/telegram-peer.js";

const codeIn = (text: string) => text.match(/档案 (D[0-9A-Z]{4})/)?.[1] ?? "";

describe("member development on the platforms", () => {
  let closing: { close(): Promise<void> } | null = null;
  afterEach(async () => {
    await closing?.close();
    closing = null;
  });

  it("opens a file and records the talk from a Telegram group, answering the secretary privately", async () => {
    const peer: TelegramPeer = await startTelegramPeer();
    closing = peer;
    await buildTelegramWorld(peer);
    const opened = await peer.says(PEOPLE.secretary, "/develop 申请 王小明 2001-06-15 2026-03-01", "group");
    expect(texts(opened)).toContain("查看码：");
    expect(
      opened.every(
        (c) => String(c.params.chat_id) !== String(GROUP) || !String(c.params.text).includes("查看码"),
      ),
    ).toBe(true);
    expect(opened.some((c) => String(c.params.chat_id) === String(PEOPLE.secretary.id))).toBe(true);
    const code = codeIn(texts(opened));
    const talk = await peer.says(PEOPLE.secretary, `/develop ${code} 谈话 2026-03-02 了解入党动机`);
    expect(texts(talk)).toContain(`已记录 王小明（${code}）：2026-03-02 党组织派人谈话。`);
    // A member of the group cannot record steps.
    expect(texts(await peer.says(PEOPLE.member, `/develop ${code} 推荐 2026-03-03`))).toMatch(/权限/);
  });

  it("opens a file and records the talk through Slack's /party, never in the channel", async () => {
    const peer: SlackPeer = await startSlackPeer();
    closing = peer;
    await buildSlackWorld(peer);
    const opened = await peer.slash(
      SLACK_PEOPLE.secretary,
      "develop 申请 王小明 2001-06-15 2026-03-01",
      "channel",
    );
    expect(textOf(opened)).toContain("查看码：");
    // Answered to the secretary alone (an ephemeral response), not posted to the channel.
    expect(opened.map((c) => c.params.response_type)).not.toContain("in_channel");
    const posted = peer.fake.called("chat.postMessage").filter((c) => c.params.channel === CHANNEL.id);
    expect(textOf(posted)).not.toContain("查看码");
    const code = codeIn(textOf(opened));
    const talk = await peer.slash(SLACK_PEOPLE.secretary, `develop ${code} 谈话 2026-03-02`);
    expect(textOf(talk)).toContain(`已记录 王小明（${code}）：2026-03-02 党组织派人谈话。`);
  });
});

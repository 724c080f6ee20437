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
    // A scan sent as a document, and a photo, each with the command as its caption: kept with the step.
    peer.bot.clock.set("2026-03-05T01:00:00Z");
    peer.fake.storeFile("doc-1", Buffer.from("%PDF-1.4 推荐材料"));
    peer.fake.storeFile("photo-1-large", Buffer.from("JPEG 入党申请书照片"));
    await peer.says(PEOPLE.secretary, "", "private", {
      text: undefined,
      caption: `/develop ${code} 推荐 2026-03-03 党员推荐`,
      document: { file_id: "doc-1", file_unique_id: "u-doc-1", file_name: "推荐材料.pdf", file_size: 20 },
    });
    await peer.says(PEOPLE.secretary, "", "private", {
      text: undefined,
      caption: `/develop ${code} 积极分子 2026-03-04`,
      photo: [
        { file_id: "photo-1-small", file_unique_id: "u-s", width: 90, height: 120 },
        { file_id: "photo-1-large", file_unique_id: "u-l", width: 900, height: 1200, file_size: 30 },
      ],
    });
    const file = texts(await peer.says(PEOPLE.secretary, `/dev_file ${code}`));
    expect(file).toContain(
      "2026-03-03 推荐入党积极分子（党员推荐、群团推优）：党员推荐（附件：推荐材料.pdf）",
    );
    expect(file).toMatch(/2026-03-04 支委会研究确定入党积极分子（附件：照片-\d+\.jpg）/);
    const kept = await peer.bot.prisma.developmentAttachment.findMany({ orderBy: { createdAt: "asc" } });
    expect(kept.map((a) => Buffer.from(a.content).toString())).toEqual([
      "%PDF-1.4 推荐材料",
      "JPEG 入党申请书照片",
    ]);
    // A member of the group cannot record steps.
    expect(texts(await peer.says(PEOPLE.member, `/develop ${code} 联系人 M22222`))).toMatch(/权限/);
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

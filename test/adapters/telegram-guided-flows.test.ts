// Every guided flow completes on Telegram in a privacy-mode group, where the bot sees only
// commands, replies to its own messages and button presses: the sign-in code (asked privately)
// and the minutes (asked in the group with a reply box for the asker).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTelegramWorld,
  GROUP,
  GROUP_CHAT,
  keyboardOf,
  PEOPLE,
  startTelegramPeer,
  type TelegramPeer,
  texts,
} from "../support/telegram-peer.js";

describe("guided flows in a privacy-mode Telegram group", () => {
  let peer: TelegramPeer;
  let meeting: string;
  const { secretary, member } = PEOPLE;

  beforeAll(async () => {
    peer = await startTelegramPeer();
    await buildTelegramWorld(peer);
    const scheduled = texts(
      await peer.schedules(secretary, "党课 3月2日 09:40 党员活动室 学习党章", "group"),
    );
    meeting = scheduled.match(/\b(H[0-9A-Z]{4})\b/)?.[1] ?? "";
    peer.bot.clock.set("2026-03-02T01:30:00Z"); // 09:30 in Beijing: check-in is open
  });
  afterAll(async () => {
    await peer.close();
  });

  it("asks the sign-in code in the member's private chat and takes the answer there", async () => {
    const issued = texts(await peer.says(secretary, `/checkin_code ${meeting}`));
    const code = issued.match(/签到码：(\d{4})/)?.[1] ?? "";
    await peer.worker.drainOnce();
    const announcement = peer.fake
      .sent()
      .filter((c) => c.params.chat_id === String(GROUP))
      .at(-1);
    const signIn = keyboardOf(announcement)
      .flat()
      .find((b) => b.text === "签到");
    const asked = await peer.press(member, signIn?.callback_data ?? "");
    const question = asked.find((c) => c.method === "sendMessage");
    expect(question?.params.chat_id).toBe(member.id);
    expect(String(question?.params.text)).toContain("签到码");
    expect(asked.filter((c) => c.params.chat_id === GROUP)).toHaveLength(0);
    expect(texts(await peer.says(member, code))).toContain("签到成功");
  });

  it("asks for the minutes in the group with a reply box, and takes the asker's reply", async () => {
    peer.bot.clock.set("2026-03-02T02:30:00Z"); // after the start
    const asked = await peer.says(secretary, `/minutes ${meeting} 内容`, "group");
    const question = asked.find((c) => c.method === "sendMessage");
    expect(question?.params.reply_markup).toEqual({ force_reply: true, selective: true });
    const questionId = (question?.result as { message_id: number } | undefined)?.message_id ?? 0;
    // Typed without replying, the group's chatter never reaches a privacy-mode bot.
    expect(await peer.says(secretary, "大家辛苦了", "group")).toEqual([]);
    const saved = await peer.says(secretary, "学习党章总纲，交流心得体会。", "group", {
      reply_to_message: {
        message_id: questionId,
        date: 0,
        chat: GROUP_CHAT,
        from: peer.fake.botUser,
        text: "",
      },
    });
    expect(texts(saved)).toContain("已保存「学习党章」的会议内容");
    const stored = await peer.bot.prisma.meeting.findUniqueOrThrow({ where: { code: meeting } });
    expect(stored.content).toBe("学习党章总纲，交流心得体会。");
  });
  it("takes the buttons off a meeting card once it is confirmed, so none is left to press", async () => {
    const card = await peer.says(secretary, "/schedule 党课 3月9日 15:00 党员活动室 学习条例", "group");
    const confirmed = await peer.confirms(secretary, card);
    const stripped = confirmed.find((c) => c.method === "editMessageReplyMarkup");
    expect(stripped?.params).toMatchObject({ chat_id: GROUP, reply_markup: { inline_keyboard: [] } });
    expect(texts(confirmed)).toContain("已安排【党课】学习条例");
    // A press on an announcement (参加) settles nothing: its buttons stay for everyone else.
    await peer.worker.drainOnce();
    const announcement = peer.fake
      .sent()
      .filter((c) => c.params.chat_id === String(GROUP))
      .at(-1);
    const attend = keyboardOf(announcement)[0]?.[0];
    const pressed = await peer.press(member, attend?.callback_data ?? "", GROUP_CHAT);
    expect(pressed.filter((c) => c.method === "editMessageReplyMarkup")).toEqual([]);
  });
});

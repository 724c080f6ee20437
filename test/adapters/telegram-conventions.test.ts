// What Telegram users expect of a bot beyond commands: deep links that open the right flow, a
// link for people who never started the bot, the bot's own removal from a group, forum topics, and
// a secretary's commands in the menu for them alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTelegramWorld,
  codeAfter,
  GROUP,
  GROUP_CHAT,
  keyboardOf,
  PEOPLE,
  startTelegramPeer,
  type TelegramPeer,
  texts,
} from "../support/telegram-peer.js";

describe("Telegram conventions", () => {
  let peer: TelegramPeer;
  let invite: string;
  const { secretary, member } = PEOPLE;
  const newcomer = { id: 1004, first_name: "赵丽", language_code: "zh-hans" };

  beforeAll(async () => {
    peer = await startTelegramPeer({ menus: true });
    ({ invite } = await buildTelegramWorld(peer));
  });
  afterAll(async () => {
    await peer.close();
  });

  it("offers an invitation link; following it asks the newcomer's name privately and files the request", async () => {
    const offered = texts(await peer.says(secretary, "/invite 3", "group"));
    expect(offered).toMatch(/https:\/\/t\.me\/party_branch_bot\?start=join_[0-9A-Z]+/);
    const asked = await peer.says(newcomer, `/start join_${invite}`);
    expect(texts(asked)).toContain("真实姓名");
    const filed = texts(await peer.says(newcomer, "赵丽"));
    expect(filed).toContain("编号");
    const request = codeAfter(filed, "编号");
    expect(await peer.bot.prisma.joinRequest.count({ where: { code: request, name: "赵丽" } })).toBe(1);
  });

  it("binds a second group through the add-to-group link, in one step", async () => {
    const offered = texts(await peer.says(secretary, "/bind_code"));
    const payload = offered.match(/\?startgroup=(bind_[0-9A-Z]+)/)?.[1];
    expect(payload).toBeDefined();
    // Telegram adds the bot and sends the start command, from the person who added it, in the group.
    const calls = await peer.deliver({
      message: {
        message_id: 5,
        date: 0,
        chat: { id: -1009990001, type: "supergroup", title: "幸福里第二党小组" },
        from: { ...secretary, is_bot: false },
        text: `/start@party_branch_bot ${payload}`,
        entities: [{ type: "bot_command", offset: 0, length: 23 }],
      },
    } as never);
    expect(texts(calls)).toContain("本群已绑定到「幸福里社区党支部」");
  });

  it("gives a member who never started the bot a link that presses the same button in private", async () => {
    await peer.schedules(secretary, "党课 3月5日 15:00 党员活动室 学习党章", "group");
    await peer.worker.drainOnce();
    const announcement = peer.fake
      .sent()
      .filter((c) => c.params.chat_id === String(GROUP))
      .at(-1);
    const leave = keyboardOf(announcement)[0]?.find((b) => b.text === "请假");
    peer.fake.strangers.add(member.id);
    const inGroup = (await peer.press(member, leave?.callback_data ?? "")).filter(
      (c) => c.params.chat_id === GROUP,
    );
    const link = texts(inGroup).match(/https:\/\/t\.me\/party_branch_bot\?start=(leave_[0-9A-Z]+)/);
    expect(link?.[1]).toBeDefined();
    // The question itself went nowhere public.
    expect(texts(inGroup)).not.toContain("请假理由");

    peer.fake.strangers.delete(member.id);
    const asked = await peer.says(member, `/start ${link?.[1]}`);
    expect(asked.at(-1)?.params.chat_id).toBe(member.id);
    expect(texts(asked)).toContain("理由");
    expect(texts(await peer.says(member, "社区值班，无法参加"))).toContain("的请假申请");
  });

  it("sends what people typed, marks and all, as HTML Telegram accepts", async () => {
    await peer.schedules(secretary, "党课 3月6日 15:00 党员活动室 学习<党章>&“条例”", "group");
    await peer.worker.drainOnce();
    const announcement = peer.fake
      .sent()
      .filter((c) => c.params.chat_id === String(GROUP))
      .at(-1);
    // The fake answers 400 to HTML Telegram cannot parse; this one went through.
    expect(announcement?.result).toBeDefined();
    expect(String(announcement?.params.text)).toContain("学习&lt;党章&gt;&amp;“条例”");
  });

  it("answers in the forum topic a command came from", async () => {
    const calls = await peer.says(member, "/meetings", "group", {
      is_topic_message: true,
      message_thread_id: 42,
    });
    const answer = calls.find((c) => c.method === "sendMessage");
    expect(answer?.params.message_thread_id).toBe(42);
  });

  it("posts announcements into the forum topic the group was bound in", async () => {
    const forum = { id: -1009990003, type: "supergroup" as const, title: "幸福里党员论坛", is_forum: true };
    const code = codeAfter(texts(await peer.says(secretary, "/bind_code")), "绑定码：");
    const bound = await peer.deliver({
      message: {
        message_id: 9,
        date: 0,
        chat: forum,
        from: { ...secretary, is_bot: false },
        text: `/bind ${code}`,
        is_topic_message: true,
        message_thread_id: 7,
      },
    } as never);
    expect(texts(bound)).toContain("本群已绑定");
    await peer.schedules(secretary, "支委会 3月8日 19:00 党员活动室 研究发展党员", "group");
    await peer.worker.drainOnce();
    const inForum = peer.fake.sent().filter((c) => c.params.chat_id === String(forum.id));
    expect(inForum.at(-1)?.params.message_thread_id).toBe(7);
    expect(String(inForum.at(-1)?.params.text)).toContain("研究发展党员");
  });

  it("publishes a secretary's commands for them alone in the groups they speak in", async () => {
    await peer.fake.waitFor(() => peer.fake.sent("setMyCommands").length > 0, 5_000);
    const menus = peer.fake.sent("setMyCommands");
    const scopes = menus.map((m) => m.params.scope as { type: string; chat_id: number; user_id: number });
    expect(scopes).toContainEqual({ type: "chat_member", chat_id: GROUP, user_id: secretary.id });
    expect(scopes.some((s) => s.user_id === member.id)).toBe(false);
  });

  it("unbinds a group the bot was removed from and tells the secretary who bound it, privately", async () => {
    const bot = { ...peer.fake.botUser };
    await peer.deliver({
      my_chat_member: {
        chat: GROUP_CHAT,
        from: { ...secretary, is_bot: false },
        date: 0,
        old_chat_member: { user: bot, status: "member" },
        new_chat_member: { user: bot, status: "left" },
      },
    } as never);
    const chat = await peer.bot.prisma.chat.findFirst({ where: { externalId: String(GROUP) } });
    expect(chat?.organizationId).toBeNull();
    const before = peer.fake.sent().length;
    await peer.worker.drainOnce();
    const told = peer.fake
      .sent()
      .slice(before)
      .filter((c) => String(c.params.text).includes("解除绑定"));
    expect(told.map((c) => c.params.chat_id)).toEqual([String(secretary.id)]);
  });

  it("says how to bind when added to a group", async () => {
    const bot = { ...peer.fake.botUser };
    const calls = await peer.deliver({
      my_chat_member: {
        chat: { id: -1009990002, type: "supergroup", title: "新建党员群" },
        from: { ...secretary, is_bot: false },
        date: 0,
        old_chat_member: { user: bot, status: "left" },
        new_chat_member: { user: bot, status: "member" },
      },
    } as never);
    expect(texts(calls)).toContain("/bind");
  });
});

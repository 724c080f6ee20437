// The real bot process (npm start) against telegram-test-api, an independent emulator of the
// Telegram Bot API on npm: people start it, ask for help, build a branch, join, bind a group,
// schedule, press the announcement's buttons, check in and close the meeting — each step through
// the emulator's own client, as a Telegram app would send it. The emulator supports fewer methods
// than Telegram (no setMyCommands): the bot must start and serve all the same.
import { createServer } from "node:net";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exited, startBot, waitFor } from "../support/bot-process.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

const TOKEN = "424242:emulator-token-for-tests";
const GROUP_ID = -100_777_000_111;

type Client = ReturnType<TelegramServer["getClient"]>;
interface BotMessage {
  message: {
    chat_id: number | string;
    text: string;
    reply_markup?: { inline_keyboard?: { text: string; callback_data: string }[][] };
  };
  messageId: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** The next whole minute at least 10 s away: a meeting can be closed only once it has begun. */
function soon(): Date {
  const next = Math.ceil((Date.now() + 10_000) / 60_000) * 60_000;
  return new Date(next);
}

/** "M月D日" and "HH:MM" in Beijing time. */
function beijing(instant: Date): { date: string; time: string } {
  const at = new Date(instant.getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    date: `${at.getUTCMonth() + 1}月${at.getUTCDate()}日`,
    time: `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`,
  };
}

describe("the bot process against telegram-test-api", () => {
  let server: TelegramServer;
  let database: TestDatabase;
  let bot: ReturnType<typeof startBot>;
  const people = {
    admin: { userId: 1001, firstName: "周明" },
    secretary: { userId: 1002, firstName: "李建国" },
    member: { userId: 1003, firstName: "王芳" },
  };
  const clients = new Map<string, Client>();

  function client(who: keyof typeof people, where: "private" | "group" = "private"): Client {
    const key = `${who}:${where}`;
    const existing = clients.get(key);
    if (existing) return existing;
    const person = people[who];
    const made = server.getClient(TOKEN, {
      ...person,
      userName: who,
      chatId: where === "private" ? person.userId : GROUP_ID,
      type: where === "private" ? "private" : "supergroup",
      chatTitle: where === "private" ? person.firstName : "幸福里党员群",
      timeout: 15_000,
    });
    clients.set(key, made);
    return made;
  }

  const botMessages = (chatId: number) =>
    (server.storage.botMessages as unknown as BotMessage[]).filter(
      (m) => Number(m.message.chat_id) === chatId,
    );

  /** Sends a command as a person and waits for the bot's next message(s) in that chat. */
  async function says(who: keyof typeof people, text: string, where: "private" | "group" = "private") {
    const chatId = where === "private" ? people[who].userId : GROUP_ID;
    const before = botMessages(chatId).length;
    const c = client(who, where);
    await c.sendCommand(c.makeCommand(text));
    const until = Date.now() + 20_000;
    while (botMessages(chatId).length === before) {
      if (Date.now() > until) throw new Error(`no answer to ${text}\n${bot.output()}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    await new Promise((r) => setTimeout(r, 100));
    return botMessages(chatId)
      .slice(before)
      .map((m) => m.message.text)
      .join("\n");
  }
  const codeAfter = (text: string, label: string) =>
    text.match(new RegExp(`${label}[：:\\s]*([0-9A-Z]{4,8})`))?.[1] ?? "";

  beforeAll(async () => {
    server = new TelegramServer({ port: await freePort(), host: "127.0.0.1" });
    await server.start();
    database = createTestDatabase();
    bot = startBot(database, [], {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: server.config.apiURL,
      BOOTSTRAP_ADMINS: `telegram:${people.admin.userId}`,
    });
    await waitFor(bot.output, "Telegram @TestNameBot");
  }, 60_000);
  afterAll(async () => {
    bot.child.kill("SIGTERM");
    await exited(bot.child);
    await server.stop();
    await database.drop();
  });

  it("serves a branch from /start to a closed meeting", { timeout: 120_000 }, async () => {
    expect(await says("member", "/start")).toContain("党支部助手");
    expect(await says("admin", "/help")).toContain("/org_add");

    const committee = codeAfter(await says("admin", "/org_add 党委 南湖街道党工委"), "代码");
    const branch = codeAfter(await says("admin", `/org_add 党支部 幸福里社区党支部 ${committee}`), "代码");
    await says("admin", `/use ${branch}`);
    const invite = codeAfter(await says("admin", "/invite 5"), "邀请码：");
    const request = codeAfter(await says("secretary", `/join ${invite} 李建国`), "编号");
    const memberCode = codeAfter(await says("admin", `/approve ${request} 正式`), "党员编号");
    expect(await says("admin", `/role grant ${memberCode} 书记`)).toContain("书记");
    // The new 书记's appointment notice comes through the outbox whenever it is delivered: the
    // bind code is read from whichever of the private chat's messages carries it.
    const asked = botMessages(people.secretary.userId).length;
    await says("secretary", "/bind_code");
    const answeredBy = Date.now() + 20_000;
    let bindCode = "";
    while (!bindCode) {
      const since = botMessages(people.secretary.userId).slice(asked);
      bindCode = codeAfter(since.map((m) => m.message.text).join("\n"), "绑定码：");
      if (!bindCode && Date.now() > answeredBy) throw new Error("no bind code in the private chat");
      if (!bindCode) await new Promise((r) => setTimeout(r, 25));
    }
    expect(await says("secretary", `/bind ${bindCode}`, "group")).toContain(
      "本群已绑定到「幸福里社区党支部」",
    );
    const memberRequest = codeAfter(await says("member", `/join ${invite} 王芳`), "编号");
    await says("secretary", `/approve ${memberRequest} 正式`);

    // A lesson starting within the minute: check-in is already open.
    const startsAt = soon();
    const { date, time } = beijing(startsAt);
    const card = await says("secretary", `/schedule 党课 ${date} ${time} 党员活动室 学习党章`, "group");
    expect(card).toContain("请确认会议安排");
    // 确认 on the card, pressed in the group through the emulator, creates the meeting.
    const shown = botMessages(GROUP_ID).findLast((m) => m.message.text.includes("请确认会议安排"));
    const confirm = shown?.message.reply_markup?.inline_keyboard?.flat().find((b) => b.text === "确认");
    const before = botMessages(GROUP_ID).length;
    const secretaryInGroup = client("secretary", "group");
    await secretaryInGroup.sendCallback(
      secretaryInGroup.makeCallbackQuery(confirm?.callback_data ?? "", {
        message: { message_id: shown?.messageId, chat: { id: GROUP_ID, type: "supergroup" } },
      }),
    );
    const confirmed = Date.now() + 20_000;
    const doneMessage = () =>
      botMessages(GROUP_ID)
        .slice(before)
        .find((m) => m.message.text.includes("已安排"));
    while (!doneMessage() && Date.now() < confirmed) await new Promise((r) => setTimeout(r, 50));
    const scheduled = doneMessage()?.message.text ?? "";
    expect(scheduled).toContain("已安排【党课】学习党章");
    const meeting = scheduled.match(/\b(H[0-9A-Z]{4})\b/)?.[1] ?? "";
    // The announcement arrives through the outbox, with its buttons.
    const until = Date.now() + 20_000;
    const announcement = () =>
      botMessages(GROUP_ID).find(
        (m) =>
          m.message.reply_markup?.inline_keyboard?.length &&
          m.message.text.includes("学习党章") &&
          !m.message.text.includes("请确认会议安排"),
      );
    while (!announcement() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    const posted = announcement();
    const buttons = posted?.message.reply_markup?.inline_keyboard?.flat() ?? [];
    expect(buttons.map((b) => b.text)).toEqual(["参加", "请假", "签到"]);

    // 王芳 presses 签到 in the group; the announcement is edited in place to count her.
    const member = client("member", "group");
    const press = (label: string) =>
      member.sendCallback(
        member.makeCallbackQuery(buttons.find((b) => b.text === label)?.callback_data ?? "", {
          message: { message_id: posted?.messageId, chat: { id: GROUP_ID, type: "supergroup" } },
        }),
      );
    await press("签到");
    const counted = Date.now() + 20_000;
    while (!announcement()?.message.text.includes("已签到 1") && Date.now() < counted)
      await new Promise((r) => setTimeout(r, 50));
    expect(announcement()?.message.text).toContain("已签到 1");

    // Once it has begun, the secretary closes it.
    await new Promise((r) => setTimeout(r, Math.max(0, startsAt.getTime() - Date.now() + 500)));
    expect(await says("secretary", `/minutes ${meeting} 内容 学习党章总纲，交流心得。`, "group")).toContain(
      "已保存",
    );
    expect(await says("secretary", `/close_meeting ${meeting}`, "group")).toContain("已结束");
    const closed = Date.now() + 20_000;
    while (!announcement()?.message.text.includes("【已结束】") && Date.now() < closed)
      await new Promise((r) => setTimeout(r, 50));
    expect(announcement()?.message.text).toContain("【已结束】");
    // The emulator knows no setMyCommands; the bot started and served all the same.
    expect(bot.child.exitCode).toBeNull();
  });
});

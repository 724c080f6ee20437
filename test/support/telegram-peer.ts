// The real grammY bot behind the webhook route of the bot's own HTTP server, a strict fake of the
// Bot API, and the branch Telegram scenarios start from: built by people typing in Telegram.
import type { Update } from "grammy/types";
import { createTelegramBot } from "../../src/adapters/telegram/telegram-bot.js";
import { telegramWebhookRoute } from "../../src/adapters/telegram/webhook-route.js";
import { silentLogger } from "../../src/core/logger.js";
import { DeliveryWorker } from "../../src/delivery/delivery-worker.js";
import { type HttpServer, startHttpServer } from "../../src/http/health-server.js";
import { type ApiCall, FakeTelegram } from "./fake-telegram.js";
import { startTestBot, type TestBot } from "./test-bot.js";

export const WEBHOOK_SECRET = "webhook-secret-for-tests";
export const GROUP = -1001234567890;
export const GROUP_CHAT = { id: GROUP, type: "supergroup" as const, title: "幸福里党员群" };

export interface TgUser {
  id: number;
  first_name: string;
  language_code?: string;
}

export const texts = (calls: { params: Record<string, unknown> }[]) =>
  calls.map((c) => String(c.params.text ?? "")).join("\n");
export const codeAfter = (text: string, label: string) =>
  text.match(new RegExp(`${label}[：:\\s]*([0-9A-Z]{4,8})`))?.[1] ?? "";

export function keyboardOf(call: { params: Record<string, unknown> } | undefined) {
  const markup = call?.params.reply_markup as
    | { inline_keyboard: { text: string; callback_data: string }[][] }
    | undefined;
  if (!markup) throw new Error(`no keyboard in ${JSON.stringify(call?.params)}`);
  return markup.inline_keyboard;
}

export async function startTelegramPeer(options: { menus?: boolean } = {}) {
  const bot: TestBot = await startTestBot();
  bot.clock.set("2026-03-02T01:00:00Z");
  const fake = new FakeTelegram();
  await fake.start();
  const telegram = createTelegramBot({
    token: fake.token,
    apiRoot: fake.apiRoot,
    botInfo: fake.botUser as never,
    secret: "button-signing-secret",
    handle: (incoming) => bot.app.handle(incoming),
    files: bot.app.files,
    t: bot.app.i18n.translator("zh-CN"),
    logger: silentLogger,
    chatGone: (chat) => bot.app.chatGone(chat, "removed"),
    ...(options.menus
      ? {
          menuLevel: (user, chat) => bot.app.menuLevel(user, chat),
          publishMemberMenu: async (api, chatId, userId) => {
            await api.setMyCommands([{ command: "schedule", description: "安排会议" }], {
              scope: { type: "chat_member", chat_id: chatId, user_id: userId },
            });
          },
        }
      : {}),
  });
  const http: HttpServer = await startHttpServer(
    "127.0.0.1",
    0,
    { accepting: true, ping: async () => undefined },
    new Map([["/telegram/webhook", telegramWebhookRoute(telegram.bot, WEBHOOK_SECRET, silentLogger)]]),
  );
  // Platform limits run on real time; the tests here are about behaviour, not pacing.
  const worker = new DeliveryWorker(
    bot.app.services,
    new Map([["telegram", telegram.sender]]),
    bot.app.outboxKinds,
    bot.clock,
    silentLogger,
    { workerId: "worker", limits: { telegram: [], slack: [], console: [] } },
  );

  const post = (update: Update, secret = WEBHOOK_SECRET) =>
    fetch(`http://127.0.0.1:${http.port}/telegram/webhook`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}),
      },
      body: JSON.stringify(update),
    });

  /**
   * Sends an update as Telegram would to a bot in privacy mode (a group message that is neither a
   * command nor a reply to the bot never arrives) and returns the calls the bot made handling it.
   */
  async function deliver(update: Omit<Update, "update_id">): Promise<ApiCall[]> {
    if (!fake.deliverable(update)) return [];
    const before = fake.calls.length;
    const res = await post(fake.push(update));
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    return fake.calls.slice(before);
  }

  /** Sends a text as a user (in a private chat, or in the group) and returns what the bot sent. */
  function says(user: TgUser, text: string, where: "private" | "group" = "private", extra: object = {}) {
    const chat =
      where === "private"
        ? { id: user.id, type: "private" as const, first_name: user.first_name }
        : GROUP_CHAT;
    return deliver({
      message: {
        message_id: fake.calls.length + 1,
        date: 0,
        chat,
        from: { ...user, is_bot: false },
        text,
        ...extra,
      },
    } as never);
  }

  /** Presses a button of a message the bot sent, as a user, where that message is. */
  function press(user: TgUser, data: string, chat: object = GROUP_CHAT, messageId = 1) {
    return deliver({
      callback_query: {
        id: `cb-${fake.calls.length}`,
        chat_instance: "x",
        from: { ...user, is_bot: false },
        data,
        // The message a button is on has its keyboard, and Telegram sends it with the press.
        message: {
          message_id: messageId,
          date: 0,
          chat,
          reply_markup: { inline_keyboard: [[{ text: "…", callback_data: data }]] },
        },
      },
    } as never);
  }

  /**
   * Presses the 确认 of the meeting card among `calls` (what the bot answered /schedule), as the
   * user, where the card is; the calls the press made.
   */
  function confirms(user: TgUser, calls: ApiCall[], where: "private" | "group" = "group") {
    const button = calls
      .flatMap((c) => (c.params.reply_markup ? keyboardOf(c).flat() : []))
      .find((b) => b.text === "确认");
    if (!button) throw new Error(`no 确认 in ${texts(calls)}`);
    const chat =
      where === "private" ? { id: user.id, type: "private", first_name: user.first_name } : GROUP_CHAT;
    return press(user, button.callback_data, chat);
  }

  /** `/schedule <line>` as the user, then 确认 on the card: what the press made the bot send. */
  async function schedules(user: TgUser, line: string, where: "private" | "group" = "group") {
    return confirms(user, await says(user, `/schedule ${line}`, where), where);
  }

  return {
    bot,
    fake,
    http,
    worker,
    telegram,
    post,
    deliver,
    says,
    press,
    confirms,
    schedules,
    async close() {
      await worker.stop();
      await http.close();
      await fake.stop();
      await bot.close();
    },
  };
}

export type TelegramPeer = Awaited<ReturnType<typeof startTelegramPeer>>;

export const PEOPLE = {
  admin: { id: 1001, first_name: "周明", language_code: "zh-hans" },
  secretary: { id: 1002, first_name: "李建国", language_code: "zh-hans" },
  member: { id: 1003, first_name: "王芳", language_code: "zh-hans" },
} satisfies Record<string, TgUser>;

/**
 * A committee, its branch 幸福里社区党支部 with a secretary (李建国) and a member (王芳), and the
 * branch's Telegram group bound: all done by people in Telegram. Returns the invitation code.
 */
export async function buildTelegramWorld(peer: TelegramPeer): Promise<{ invite: string }> {
  const { admin, secretary, member } = PEOPLE;
  const { says, bot } = peer;
  const expectIn = async (calls: Promise<ApiCall[]>, text: string) => {
    const got = texts(await calls);
    if (!got.includes(text)) throw new Error(`expected "${text}" in: ${got}`);
    return got;
  };
  await expectIn(says(admin, `/bootstrap ${bot.app.bootstrapCode}`), "管理员");
  const committee = codeAfter(texts(await says(admin, "/org_add 党委 南湖街道党工委")), "代码");
  const branch = codeAfter(texts(await says(admin, `/org_add 党支部 幸福里社区党支部 ${committee}`)), "代码");
  await says(admin, `/use ${branch}`);
  const invite = codeAfter(texts(await says(admin, "/invite 5")), "邀请码：");
  const request = codeAfter(texts(await says(secretary, `/join ${invite} 李建国`)), "编号");
  const memberCode = codeAfter(texts(await says(admin, `/approve ${request} 正式`)), "党员编号");
  await says(admin, `/role grant ${memberCode} 书记`);
  const bindCode = codeAfter(texts(await says(secretary, "/bind_code")), "绑定码：");
  await expectIn(
    says(secretary, `/bind@party_branch_bot ${bindCode}`, "group"),
    "本群已绑定到「幸福里社区党支部」",
  );
  const memberRequest = codeAfter(texts(await says(member, `/join ${invite} 王芳`)), "编号");
  await says(secretary, `/approve ${memberRequest} 正式`);
  // The notices the set-up caused (requests, approvals) go out before the tests count their own.
  await peer.worker.drainOnce();
  return { invite };
}

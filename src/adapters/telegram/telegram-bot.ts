// Telegram through grammY: updates become neutral Incoming messages, replies are rendered as
// escaped HTML with inline keyboards. Button presses carry signed callback data; short private
// answers to a button in a group come back as the button's toast, longer ones by private message.
// Edited messages, channel posts and anything without a sender are ignored.

import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Api, Bot, type Context, GrammyError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Translate } from "../../core/i18n.js";
import type { ChatRef, Incoming, PlatformLinks, UserRef } from "../../core/incoming.js";
import type { Logger } from "../../core/logger.js";
import { PrivateFiles } from "../../core/private-files.js";
import { type Reply, replyText } from "../../core/reply.js";
import { decodeCallback } from "./callback-data.js";
import { downloadDocument, uploadOf } from "./download.js";
import { renderHtml } from "./render-html.js";
import { fromStartPayload, groupLink, privateLink, startPayload } from "./start-links.js";
import { sendReply, TelegramSender } from "./telegram-sender.js";

export interface TelegramBotOptions {
  token: string;
  /** Another Bot API server (a local one, or the tests' fake). */
  apiRoot?: string;
  /** Known in advance (tests), else fetched with getMe at start. */
  botInfo?: UserFromGetMe;
  secret: string;
  handle(incoming: Incoming): Promise<Reply[]>;
  t: Translate;
  logger: Logger;
  /** The bot was removed from a group: unbind it and tell whoever bound it. */
  chatGone?(chat: ChatRef): Promise<void>;
  /**
   * Which command menu this person should see in this group. Secretaries get theirs published
   * for them alone (the chat_member scope), not for every administrator of the group.
   */
  menuLevel?(user: UserRef, chat: ChatRef): Promise<"member" | "secretary">;
  /** Publishes a person's menu in a group (telegram-runtime knows the menus). */
  publishMemberMenu?(api: Api, chatId: number, userId: number): Promise<void>;
  /** The bot's private files: uploads are saved there, sent attachments discarded from there. */
  files?: PrivateFiles;
}

const TOAST_LIMIT = 190;
const MEMBER_MENU_RECHECK_MS = 10 * 60_000;

function userOf(ctx: Context): UserRef | null {
  const from = ctx.from;
  if (!from || from.is_bot) return null;
  return {
    platform: "telegram",
    id: String(from.id),
    displayName: [from.first_name, from.last_name].filter(Boolean).join(" "),
    ...(from.language_code ? { languageHint: from.language_code } : {}),
  };
}

function linksOf(ctx: Context): PlatformLinks {
  const bot = ctx.me.username;
  return {
    privateChat: (command, args) => {
      const payload = startPayload(command, args);
      return payload ? privateLink(bot, payload) : null;
    },
    addToGroup: (command, args) => {
      const payload = startPayload(command, args);
      return payload ? groupLink(bot, payload) : null;
    },
  };
}

/** The forum topic a message was written in, so the answer goes to the same topic. */
function topicOf(ctx: Context): number | undefined {
  const message = ctx.message ?? ctx.callbackQuery?.message;
  return message && "is_topic_message" in message && message.is_topic_message
    ? message.message_thread_id
    : undefined;
}

function chatOf(ctx: Context): ChatRef | null {
  const chat = ctx.chat;
  if (!chat || chat.type === "channel") return null;
  return {
    platform: "telegram",
    id: String(chat.id),
    kind: chat.type === "private" ? "private" : "group",
    ...("title" in chat && chat.title ? { title: chat.title } : {}),
    ...(topicOf(ctx) ? { topic: String(topicOf(ctx)) } : {}),
  };
}

/**
 * Kept-alive connections for deliveries, dropped after 4 s idle: a server closes idle connections
 * on its side (Node's after 5 s), and reusing one it has just closed fails the request.
 */
function deliveryAgent(apiRoot: string | undefined) {
  const options = { keepAlive: true, timeout: 4_000 };
  return apiRoot?.startsWith("http:") ? new HttpAgent(options) : new HttpsAgent(options);
}

/** What orders updates: the chat and the person in it. */
export function sequenceKey(ctx: Context): string | undefined {
  if (!ctx.chat) return undefined;
  return ctx.from ? `${ctx.chat.id}:${ctx.from.id}` : String(ctx.chat.id);
}

export function createTelegramBot(opts: TelegramBotOptions) {
  // Without the app's store (some tests), uploads still go to a folder of the bot's alone.
  const files = opts.files ?? new PrivateFiles(path.join(tmpdir(), "party-bot-telegram"));
  const bot = new Bot(opts.token, {
    ...(opts.botInfo ? { botInfo: opts.botInfo } : {}),
    ...(opts.apiRoot ? { client: { apiRoot: opts.apiRoot } } : {}),
  });
  // Short waits (429, network blips) are retried here; long ones surface to the outbox.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 5 }));
  // One person's updates in one chat are handled in order (a question and its answer, two presses
  // of one button); everyone else's in parallel, so a room of members pressing 签到 at once is
  // answered at once. The announcement they all change is edited once, through the outbox.
  bot.use(sequentialize(sequenceKey));

  async function deliver(
    ctx: Context,
    replies: Reply[],
    pressed: { command: string; args: string[] } | null,
  ): Promise<string | undefined> {
    const viaButton = pressed !== null;
    const topic = topicOf(ctx);
    const chat = ctx.chat;
    const from = ctx.from;
    if (!chat || !from) return undefined;
    try {
      return await deliverEach(ctx, chat, from, replies, pressed, viaButton, topic);
    } finally {
      // A file attached to a reply (an export, a chart) was made for this send: sent or not,
      // it is not kept (a refused private chat is asked again, and the file made again).
      for (const reply of replies)
        if (reply.attachment) await files.discard(reply.attachment.path).catch(() => undefined);
    }
  }

  async function deliverEach(
    ctx: Context,
    chat: NonNullable<Context["chat"]>,
    from: NonNullable<Context["from"]>,
    replies: Reply[],
    pressed: { command: string; args: string[] } | null,
    viaButton: boolean,
    topic: number | undefined,
  ): Promise<string | undefined> {
    let toast: string | undefined;
    for (const reply of replies) {
      const privateInGroup = reply.visibility === "private" && chat.type !== "private";
      if (
        privateInGroup &&
        viaButton &&
        !reply.buttons &&
        !reply.expectsAnswer &&
        !toast &&
        replyText(reply).length <= TOAST_LIMIT
      ) {
        toast = replyText(reply);
        continue;
      }
      if (privateInGroup) {
        try {
          await sendReply(ctx.api, from.id, reply, opts.secret);
        } catch (error) {
          // The person never opened a private chat with the bot: say so where they are.
          // The link opens the private chat and presses the same button there, so the question
          // (or whatever was private) arrives where only they see it.
          if (error instanceof GrammyError && error.error_code === 403) {
            const payload = (pressed && startPayload(pressed.command, pressed.args)) ?? "help";
            const link = privateLink(ctx.me.username, payload);
            await ctx.api.sendMessage(
              chat.id,
              renderHtml({
                segments: [{ text: opts.t("telegram.startPrivately", { name: from.first_name, link }) }],
              }),
              { parse_mode: "HTML", ...(topic ? { message_thread_id: topic } : {}) },
            );
          } else throw error;
        }
        continue;
      }
      // A question asked in a group is sent as a reply to the asker's message that opens their
      // reply box (force_reply, selective): with privacy mode on, Telegram delivers the answer
      // only because it replies to the bot.
      const asks = reply.expectsAnswer && chat.type !== "private";
      const messageId = ctx.message?.message_id ?? ctx.callbackQuery?.message?.message_id;
      await sendReply(ctx.api, chat.id, reply, opts.secret, {
        ...(asks ? { question: true, ...(messageId ? { replyTo: messageId } : {}) } : {}),
        ...(topic ? { topic } : {}),
      });
    }
    return toast;
  }

  bot.on("message", async (ctx) => {
    const user = userOf(ctx);
    const chat = chatOf(ctx);
    const typed = ctx.message.text ?? ctx.message.caption;
    if (!user || !chat || typed === undefined) return;
    // A deep link's "/start join_K7P2Q9" is the command it stands for.
    const text = fromStartPayload(typed);
    const document = uploadOf(ctx.message);
    const attachment = document
      ? await downloadDocument(ctx.api, opts.token, opts.apiRoot, document, (name) =>
          files.place("uploads", name),
        )
      : undefined;
    const replies = await opts.handle({
      updateId: String(ctx.update.update_id),
      user,
      chat,
      payload: { type: "text", text },
      botUsername: ctx.me.username,
      repliesToBot: ctx.message.reply_to_message?.from?.id === ctx.me.id,
      links: linksOf(ctx),
      ...(attachment ? { attachment } : {}),
    });
    await deliver(ctx, replies, null);
    // After the command: a /bind just made this person the group's secretary.
    if (chat.kind === "group") void offerMenu(ctx, user, chat);
  });

  bot.on("callback_query:data", async (ctx) => {
    const user = userOf(ctx);
    const chat = chatOf(ctx);
    const action = decodeCallback(opts.secret, ctx.callbackQuery.data);
    if (!user || !chat || !action) {
      await ctx.answerCallbackQuery({ text: opts.t("telegram.staleButton"), show_alert: true });
      return;
    }
    const replies = await opts.handle({
      updateId: String(ctx.update.update_id),
      user,
      chat,
      payload: { type: "action", command: action.command, args: action.args },
      botUsername: ctx.me.username,
      links: linksOf(ctx),
    });
    const toast = await deliver(ctx, replies, action);
    await ctx.answerCallbackQuery(toast ? { text: toast } : {});
  });

  // The bot's own membership of a group changed: removed (unbind, tell whoever bound it) or added
  // (say how to bind).
  bot.on("my_chat_member", async (ctx) => {
    const chat = chatOf(ctx);
    if (chat?.kind !== "group") return;
    const { old_chat_member: was, new_chat_member: now } = ctx.myChatMember;
    const inside = (status: string) => ["member", "administrator", "creator", "restricted"].includes(status);
    if (inside(was.status) && !inside(now.status)) await opts.chatGone?.(chat);
    else if (!inside(was.status) && inside(now.status))
      await ctx.api.sendMessage(
        ctx.myChatMember.chat.id,
        renderHtml({ segments: [{ text: opts.t("telegram.added") }] }),
        {
          parse_mode: "HTML",
        },
      );
  });

  // A secretary's menu is published for them in each group they speak in, once per process; a
  // member is looked at again after a while (they may become secretary).
  const menusChecked = new Map<string, number>();
  async function offerMenu(ctx: Context, user: UserRef, chat: ChatRef): Promise<void> {
    const key = `${chat.id}:${user.id}`;
    const now = Date.now();
    if (!opts.menuLevel || !opts.publishMemberMenu || !ctx.chat || !ctx.from) return;
    if ((menusChecked.get(key) ?? 0) > now) return;
    menusChecked.set(key, now + MEMBER_MENU_RECHECK_MS);
    try {
      if ((await opts.menuLevel(user, chat)) !== "secretary") return;
      await opts.publishMemberMenu(ctx.api, ctx.chat.id, ctx.from.id);
      menusChecked.set(key, Number.POSITIVE_INFINITY);
    } catch (err) {
      menusChecked.delete(key);
      opts.logger.warn({ err, chat: chat.id }, "could not publish a secretary's menu");
    }
  }

  bot.catch((err) =>
    opts.logger.error({ err: err.error, update: err.ctx.update.update_id }, "telegram update failed"),
  );

  // Deliveries get their own Api without auto-retry: a 429 goes back to the outbox, which waits
  // exactly as asked without holding a delivery slot (and without delaying replies to people).
  const deliveryApi = new Api(opts.token, {
    ...(opts.apiRoot ? { apiRoot: opts.apiRoot } : {}),
    baseFetchConfig: { compress: true, agent: deliveryAgent(opts.apiRoot) },
  });
  return { bot, sender: new TelegramSender(deliveryApi, opts.secret) };
}

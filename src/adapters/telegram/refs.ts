// Who and where a Telegram update comes from, as the core's neutral refs: the sender (never a
// bot), the chat (never a channel) with its forum topic, and the deep links the bot can make.
import type { Context } from "grammy";
import type { ChatRef, PlatformLinks, UserRef } from "../../core/incoming.js";
import { groupLink, privateLink, startPayload } from "./start-links.js";

export function userOf(ctx: Context): UserRef | null {
  const from = ctx.from;
  if (!from || from.is_bot) return null;
  return {
    platform: "telegram",
    id: String(from.id),
    displayName: [from.first_name, from.last_name].filter(Boolean).join(" "),
    ...(from.language_code ? { languageHint: from.language_code } : {}),
  };
}

export function linksOf(ctx: Context): PlatformLinks {
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
export function topicOf(ctx: Context): number | undefined {
  const message = ctx.message ?? ctx.callbackQuery?.message;
  return message && "is_topic_message" in message && message.is_topic_message
    ? message.message_thread_id
    : undefined;
}

export function chatOf(ctx: Context): ChatRef | null {
  const chat = ctx.chat;
  if (!chat || chat.type === "channel") return null;
  const topic = topicOf(ctx);
  return {
    platform: "telegram",
    id: String(chat.id),
    kind: chat.type === "private" ? "private" : "group",
    ...("title" in chat && chat.title ? { title: chat.title } : {}),
    ...(topic ? { topic: String(topic) } : {}),
  };
}

/** What orders updates: the chat and the person in it. */
export function sequenceKey(ctx: Context): string | undefined {
  if (!ctx.chat) return undefined;
  return ctx.from ? `${ctx.chat.id}:${ctx.from.id}` : String(ctx.chat.id);
}

// The bot's own membership of a group changed: removed (unbind the group, tell whoever bound it)
// or added (say how to bind it).
import { Composer, type Context } from "grammy";
import { chatOf } from "../refs.js";
import { renderHtml } from "../render-html.js";
import type { TelegramListenerDeps } from "./deps.js";

const INSIDE = new Set(["member", "administrator", "creator", "restricted"]);

export function botMembership(deps: TelegramListenerDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on("my_chat_member", async (ctx) => {
    const chat = chatOf(ctx);
    if (chat?.kind !== "group") return;
    const { old_chat_member: was, new_chat_member: now } = ctx.myChatMember;
    if (INSIDE.has(was.status) && !INSIDE.has(now.status)) await deps.chatGone?.(chat);
    else if (!INSIDE.has(was.status) && INSIDE.has(now.status))
      await ctx.api.sendMessage(
        ctx.myChatMember.chat.id,
        renderHtml({ segments: [{ text: deps.t("telegram.added") }] }),
        { parse_mode: "HTML" },
      );
  });
  return composer;
}

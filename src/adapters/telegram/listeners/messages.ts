// Messages: a command (or a deep link's /start payload standing for one), an answer to the bot's
// question, a document or photo sent with a command as its caption.
import { Composer, type Context } from "grammy";
import { downloadDocument, uploadOf } from "../download.js";
import { chatOf, linksOf, userOf } from "../refs.js";
import { fromStartPayload } from "../start-links.js";
import type { TelegramListenerDeps } from "./deps.js";

export function messages(deps: TelegramListenerDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on("message", async (ctx) => {
    const user = userOf(ctx);
    const chat = chatOf(ctx);
    const typed = ctx.message.text ?? ctx.message.caption;
    if (!user || !chat || typed === undefined) return;
    const document = uploadOf(ctx.message);
    const attachment = document
      ? await downloadDocument(ctx.api, deps.token, deps.apiRoot, document, (name) =>
          deps.files.place("uploads", name),
        )
      : undefined;
    const replies = await deps.handle({
      updateId: String(ctx.update.update_id),
      user,
      chat,
      payload: { type: "text", text: fromStartPayload(typed) },
      botUsername: ctx.me.username,
      repliesToBot: ctx.message.reply_to_message?.from?.id === ctx.me.id,
      links: linksOf(ctx),
      ...(attachment ? { attachment } : {}),
    });
    await deps.deliver(ctx, replies, null);
    // After the command: a /bind just made this person the group's secretary.
    if (chat.kind === "group") void deps.menus?.offer(ctx, user, chat);
  });
  return composer;
}

// How the replies to one update reach people on Telegram. A short private answer to a button
// pressed in a group becomes the button's toast; other private answers go to the person's private
// chat (or, when they never opened one, a link to it in the group); a question asked in a group
// replies to the asker's message with force_reply, since privacy mode delivers only replies to the
// bot. Files made for the replies are discarded once sent, or not.
import { type Context, GrammyError } from "grammy";
import type { Translate } from "../../core/i18n.js";
import type { PrivateFiles } from "../../core/private-files.js";
import { type Reply, replyText } from "../../core/reply.js";
import { topicOf } from "./refs.js";
import { renderHtml } from "./render-html.js";
import { privateLink, startPayload } from "./start-links.js";
import { sendReply } from "./telegram-sender.js";

const TOAST_LIMIT = 190;

/** The button pressed, when the replies answer one. */
export type Pressed = { command: string; args: string[] } | null;

/** Sends the replies; returns the toast for the pressed button, if one of them became it. */
export type DeliverReplies = (
  ctx: Context,
  replies: Reply[],
  pressed: Pressed,
) => Promise<string | undefined>;

export function replyDelivery(deps: { secret: string; t: Translate; files: PrivateFiles }): DeliverReplies {
  const { secret, t, files } = deps;

  /** The person never opened a private chat with the bot: a link in the group that opens it. */
  async function askToStartPrivately(ctx: Context, pressed: Pressed): Promise<void> {
    const chat = ctx.chat;
    const from = ctx.from;
    if (!chat || !from) return;
    // The link opens the private chat and presses the same button there, so the question (or
    // whatever was private) arrives where only they see it.
    const payload = (pressed && startPayload(pressed.command, pressed.args)) ?? "help";
    const link = privateLink(ctx.me.username, payload);
    const topic = topicOf(ctx);
    await ctx.api.sendMessage(
      chat.id,
      renderHtml({ segments: [{ text: t("telegram.startPrivately", { name: from.first_name, link }) }] }),
      { parse_mode: "HTML", ...(topic ? { message_thread_id: topic } : {}) },
    );
  }

  async function deliverEach(ctx: Context, replies: Reply[], pressed: Pressed): Promise<string | undefined> {
    const chat = ctx.chat;
    const from = ctx.from;
    if (!chat || !from) return undefined;
    const topic = topicOf(ctx);
    let toast: string | undefined;
    for (const reply of replies) {
      const privateInGroup = reply.visibility === "private" && chat.type !== "private";
      const fitsToast =
        pressed !== null && !reply.buttons && !reply.expectsAnswer && replyText(reply).length <= TOAST_LIMIT;
      if (privateInGroup && fitsToast && !toast) {
        toast = replyText(reply);
        continue;
      }
      if (privateInGroup) {
        try {
          await send(ctx, from.id, reply, { secret, t });
        } catch (error) {
          if (error instanceof GrammyError && error.error_code === 403)
            await askToStartPrivately(ctx, pressed);
          else throw error;
        }
        continue;
      }
      const asks = reply.expectsAnswer && chat.type !== "private";
      const messageId = ctx.message?.message_id ?? ctx.callbackQuery?.message?.message_id;
      await send(
        ctx,
        chat.id,
        reply,
        { secret, t },
        {
          ...(asks ? { question: true, ...(messageId ? { replyTo: messageId } : {}) } : {}),
          ...(topic ? { topic } : {}),
        },
      );
    }
    return toast;
  }

  return async (ctx, replies, pressed) => {
    try {
      if (pressed && replies.some((r) => r.closesPressed)) await closePressed(ctx);
      return await deliverEach(ctx, replies, pressed);
    } finally {
      // A file attached to a reply (an export, a chart) was made for this send: sent or not,
      // it is not kept (a refused private chat is asked again, and the file made again).
      for (const reply of replies)
        if (reply.attachment) await files.discard(reply.attachment.path).catch(() => undefined);
    }
  };
}

/**
 * Sends a reply; when it carries a file that Telegram refused or that could not be uploaded, the
 * person is told in words instead of left waiting for an attachment that never comes.
 */
async function send(
  ctx: Context,
  chatId: number,
  reply: Reply,
  deps: { secret: string; t: Translate },
  opts: Parameters<typeof sendReply>[4] = {},
): Promise<void> {
  try {
    await sendReply(ctx.api, chatId, reply, deps.secret, opts);
  } catch (error) {
    const refusedChat = error instanceof GrammyError && error.error_code === 403;
    if (!reply.attachment || refusedChat) throw error;
    await ctx.api.sendMessage(
      chatId,
      renderHtml({ segments: [{ text: deps.t("files.sendFailed", { name: reply.attachment.filename }) }] }),
      { parse_mode: "HTML", ...(opts.topic ? { message_thread_id: opts.topic } : {}) },
    );
  }
}

/** The pressed message's keyboard taken away: a message too old to edit keeps it, harmlessly. */
async function closePressed(ctx: Context): Promise<void> {
  const message = ctx.callbackQuery?.message;
  if (!message?.reply_markup) return;
  await ctx.api
    .editMessageReplyMarkup(message.chat.id, message.message_id, { reply_markup: { inline_keyboard: [] } })
    .catch(() => undefined);
}

// Direct messages: commands without /party, and answers to questions asked there. Messages with
// a subtype (edits, joins, the bot's own) and channel messages are not for the bot.
import type { SlackEventMiddlewareArgs } from "@slack/bolt";
import { chatOf, type SlackListenerDeps } from "../deps.js";

type Args = Pick<SlackEventMiddlewareArgs<"message">, "message" | "body">;

export function directMessage(deps: SlackListenerDeps) {
  return async ({ message, body }: Args): Promise<void> => {
    if (message.channel_type !== "im" || message.subtype !== undefined || !message.user) return;
    const { user, t } = await deps.person(message.user);
    const replies = await deps.handle({
      updateId: (body as { event_id?: string }).event_id ?? `${message.channel}:${message.ts}`,
      user,
      chat: chatOf(message.channel),
      payload: { type: "text", text: message.text ?? "" },
    });
    await deps.post(replies, { channel: message.channel, user: message.user, private: true, dm: true, t });
  };
}

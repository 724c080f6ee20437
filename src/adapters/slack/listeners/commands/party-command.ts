// /party with a subcommand (/party checkin H7K2Q). "/party schedule" and "/party minutes H…"
// open their forms; anything else runs as the command it names.
import type { SlackCommandMiddlewareArgs } from "@slack/bolt";
import { minutesModal, scheduleModal } from "../../modals.js";
import { chatOf, type SlackListenerDeps } from "../deps.js";

export const SLASH_COMMAND = "/party";

type Args = Pick<SlackCommandMiddlewareArgs, "command" | "ack" | "respond">;

export function partyCommand(deps: SlackListenerDeps) {
  return async ({ command, ack, respond }: Args): Promise<void> => {
    await ack();
    // "/party /bind X" (a Telegram habit, or a hint copied as it was written) means "/party bind X".
    const text = command.text.trim().replace(/^\/+/, "");
    const chat = chatOf(command.channel_id, command.channel_name);
    const { user, t } = await deps.person(command.user_id, command.user_name);
    if (/^(schedule|安排会议|安排)$/i.test(text)) {
      await deps.openForm(command.trigger_id, scheduleModal(t, command.channel_id), t, respond);
      return;
    }
    const minutesFor = text.match(/^(?:minutes|会议记录|记录)\s+(H[0-9A-Za-z]{4})$/i)?.[1];
    if (minutesFor) {
      const form = minutesModal(t, minutesFor.toUpperCase(), command.channel_id);
      await deps.openForm(command.trigger_id, form, t, respond);
      return;
    }
    const replies = await deps.handle({
      updateId: command.trigger_id,
      user,
      chat,
      payload: { type: "text", text: `/${text || "help"}` },
    });
    await deps.post(replies, {
      channel: command.channel_id,
      user: command.user_id,
      private: chat.kind === "private",
      respond,
      t,
    });
  };
}

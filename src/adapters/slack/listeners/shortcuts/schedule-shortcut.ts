// The global shortcut that opens the scheduling form from anywhere in Slack.
import type { GlobalShortcut, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import { scheduleModal } from "../../modals.js";
import type { SlackListenerDeps } from "../deps.js";

export const SCHEDULE_SHORTCUT = "schedule_meeting";

type Args = Pick<SlackShortcutMiddlewareArgs<GlobalShortcut>, "ack" | "shortcut">;

export function scheduleShortcut(deps: SlackListenerDeps) {
  return async ({ ack, shortcut }: Args): Promise<void> => {
    await ack();
    const { t } = await deps.person(shortcut.user.id);
    await deps.openForm(shortcut.trigger_id, scheduleModal(t, null), t);
  };
}

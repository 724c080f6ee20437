// The minutes form: its content and its resolutions, each recorded as /minutes would.
import type { SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { chatOf, type SlackListenerDeps } from "../deps.js";

type Args = Pick<SlackViewMiddlewareArgs<ViewSubmitAction>, "ack" | "view" | "body">;

export function minutesSubmitted(deps: SlackListenerDeps) {
  return async ({ ack, view, body }: Args): Promise<void> => {
    await ack();
    const { code, channel } = JSON.parse(view.private_metadata) as { code: string; channel: string };
    const { user, t } = await deps.person(body.user.id, body.user.name);
    for (const field of ["content", "resolutions"] as const) {
      const text = view.state.values[field]?.value?.value?.trim();
      if (!text) continue;
      const replies = await deps.handle({
        updateId: `${view.id}:${view.hash}:${field}`,
        user,
        chat: chatOf(channel),
        payload: { type: "action", command: "minutes", args: [code, field, text] },
      });
      await deps.post(replies, { channel, user: body.user.id, private: true, t });
    }
  };
}

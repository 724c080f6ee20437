// The form with the reason for a leave request (请假), opened by the announcement's button.
import type { SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { chatOf, type SlackListenerDeps } from "../deps.js";

type Args = Pick<SlackViewMiddlewareArgs<ViewSubmitAction>, "ack" | "view" | "body">;

export function leaveReasonSubmitted(deps: SlackListenerDeps) {
  return async ({ ack, view, body }: Args): Promise<void> => {
    await ack();
    const { code, channel } = JSON.parse(view.private_metadata) as { code: string; channel: string };
    const reason = view.state.values.reason?.value?.value ?? "";
    const { user, t } = await deps.person(body.user.id, body.user.name);
    const replies = await deps.handle({
      updateId: `${view.id}:${view.hash}`,
      user,
      chat: chatOf(channel),
      payload: { type: "action", command: "leave", args: [code, reason] },
    });
    await deps.post(replies, { channel, user: body.user.id, private: true, t });
  };
}

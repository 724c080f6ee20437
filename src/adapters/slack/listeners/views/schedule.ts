// The scheduling form: read as the one-sentence /schedule would be. The form is one person's:
// its answer (or what was wrong) is theirs; the announcement reaches the channel by the outbox.
import type { SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { scheduleChannel, scheduleText } from "../../modals.js";
import { chatOf, type SlackListenerDeps } from "../deps.js";

type Args = Pick<SlackViewMiddlewareArgs<ViewSubmitAction>, "ack" | "view" | "body">;

export function scheduleSubmitted(deps: SlackListenerDeps) {
  return async ({ ack, view, body }: Args): Promise<void> => {
    const channel = scheduleChannel(view.private_metadata, view.state.values);
    const { user, t } = await deps.person(body.user.id, body.user.name);
    if (!channel) {
      await ack({ response_action: "errors", errors: { channel: t("slack.channel") } });
      return;
    }
    await ack();
    const replies = await deps.handle({
      updateId: `${view.id}:${view.hash}`,
      user,
      chat: chatOf(channel),
      payload: { type: "text", text: scheduleText(view.state.values) },
    });
    await deps.post(replies, { channel, user: body.user.id, private: true, t });
  };
}

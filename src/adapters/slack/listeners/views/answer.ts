// The form with the answer to a question. A question asked privately is answered from the
// person's private chat, wherever the form was opened.
import type { SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { ChatRef } from "../../../../core/incoming.js";
import type { AnswerTarget } from "../../slack-post.js";
import { chatOf, type SlackListenerDeps } from "../deps.js";

type Args = Pick<SlackViewMiddlewareArgs<ViewSubmitAction>, "ack" | "view" | "body">;

export function answerSubmitted(deps: SlackListenerDeps) {
  return async ({ ack, view, body }: Args): Promise<void> => {
    await ack();
    const target = JSON.parse(view.private_metadata) as AnswerTarget;
    const answer = view.state.values.answer?.value?.value ?? "";
    const { user, t } = await deps.person(body.user.id, body.user.name);
    const chat: ChatRef = target.private
      ? {
          platform: "slack",
          id: target.channel.startsWith("D") ? target.channel : body.user.id,
          kind: "private",
        }
      : chatOf(target.channel);
    const replies = await deps.handle({
      updateId: `${view.id}:${view.hash}`,
      user,
      chat,
      payload: { type: "text", text: answer },
    });
    await deps.post(replies, {
      channel: target.channel,
      user: body.user.id,
      private: true,
      dm: target.channel.startsWith("D"),
      t,
    });
  };
}

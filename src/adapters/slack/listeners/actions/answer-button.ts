// 回答 under a question: a form for the answer.
import type { BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { answerModal } from "../../modals.js";
import type { SlackListenerDeps } from "../deps.js";

type Args = Pick<SlackActionMiddlewareArgs<BlockAction>, "ack" | "body" | "action" | "respond">;

export function answerButton(deps: SlackListenerDeps) {
  return async ({ ack, body, action, respond }: Args): Promise<void> => {
    await ack();
    if (body.type !== "block_actions" || action.type !== "button") return;
    const { t } = await deps.person(body.user.id, body.user.name);
    const question = body.message?.text ?? "";
    const target = JSON.parse(action.value ?? "{}") as object;
    await deps.openForm(body.trigger_id, answerModal(t, question, target), t, respond);
  };
}

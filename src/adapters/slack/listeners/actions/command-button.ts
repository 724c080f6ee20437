// A Block Kit button whose value is a signed command invocation. 请假 without a reason opens a
// form for it rather than asking in the channel.
import type { BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { decodeAction } from "../../action-value.js";
import { leaveModal } from "../../modals.js";
import { chatOf, type SlackListenerDeps } from "../deps.js";

export const COMMAND_BUTTON = /^cmd-/;

type Args = Pick<SlackActionMiddlewareArgs<BlockAction>, "ack" | "body" | "action" | "respond">;

export function commandButton(deps: SlackListenerDeps) {
  return async ({ ack, body, action, respond }: Args): Promise<void> => {
    await ack();
    if (body.type !== "block_actions" || action.type !== "button") return;
    const decoded = decodeAction(deps.secret, action.value ?? "");
    const channel = body.channel?.id ?? body.user.id;
    const { user, t } = await deps.person(body.user.id, body.user.name);
    if (!decoded) {
      await respond({ text: t("telegram.staleButton"), response_type: "ephemeral", replace_original: false });
      return;
    }
    if (decoded.command === "leave" && decoded.args.length === 1) {
      await deps.openForm(body.trigger_id, leaveModal(t, decoded.args[0] ?? "", channel), t, respond);
      return;
    }
    const replies = await deps.handle({
      updateId: body.trigger_id,
      user,
      chat: chatOf(channel, body.channel?.name),
      payload: { type: "action", command: decoded.command, args: decoded.args },
    });
    // A settled card keeps what it said, without its buttons (an ephemeral one Slack does not
    // send back keeps its buttons, which then find the card settled).
    if (body.message && replies.some((r) => r.closesPressed)) {
      const blocks = body.message?.blocks?.filter((b: { type: string }) => b.type !== "actions");
      await respond({
        replace_original: true,
        text: body.message?.text ?? "",
        ...(blocks ? { blocks } : {}),
      }).catch(() => undefined);
    }
    await deps.post(replies, { channel, user: body.user.id, private: false, respond, t });
  };
}

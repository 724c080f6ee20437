// Slack through Bolt: one slash command, /party, with subcommands (/party checkin H7K2Q), Block
// Kit buttons whose values are signed command invocations, modals for what needs typing (the
// leave reason, scheduling), ephemeral answers for what only the actor should see. Requests are
// acknowledged at once and worked on after the ack; each invocation's trigger_id is its update
// id, so a request delivered twice is applied once.
import { App, HTTPReceiver, LogLevel, type Receiver, SocketModeReceiver, type types } from "@slack/bolt";
import type { Translate } from "../../core/i18n.js";
import type { ChatRef, Incoming } from "../../core/incoming.js";
import type { Logger } from "../../core/logger.js";
import { type Reply, replyText } from "../../core/reply.js";
import { decodeAction } from "./action-value.js";
import { leaveModal, minutesModal, scheduleModal, scheduleText } from "./modals.js";
import { BLOCK_LIMIT, renderBlocks } from "./render-blocks.js";
import { deliveryClient, SlackSender } from "./slack-sender.js";

export const SLACK_EVENTS_PATH = "/slack/events";
export const SLASH_COMMAND = "/party";

export interface SlackAppOptions {
  botToken: string;
  signingSecret: string;
  /** Socket Mode instead of HTTP: the app-level token (xapp-…). */
  appToken?: string;
  /** Another Web API root (the tests' fake). */
  apiUrl?: string;
  secret: string;
  handle(incoming: Incoming): Promise<Reply[]>;
  t: Translate;
  logger: Logger;
}

const chatOf = (channelId: string, name?: string): ChatRef => ({
  platform: "slack",
  id: channelId,
  kind: channelId.startsWith("D") || name === "directmessage" ? "private" : "group",
  ...(name ? { title: name } : {}),
});

export function createSlackApp(opts: SlackAppOptions) {
  const receiver: Receiver & { requestListener?: HTTPReceiver["requestListener"] } = opts.appToken
    ? new SocketModeReceiver({ appToken: opts.appToken })
    : new HTTPReceiver({ signingSecret: opts.signingSecret, endpoints: SLACK_EVENTS_PATH });
  const app = new App({
    receiver,
    token: opts.botToken,
    tokenVerificationEnabled: false,
    logLevel: LogLevel.ERROR,
    ...(opts.apiUrl ? { clientOptions: { slackApiUrl: opts.apiUrl } } : {}),
  });

  /**
   * Posts replies: ephemeral for what only the actor should see, in the channel otherwise. Text
   * replies that go the same way are batched into one message (up to Slack's 50 blocks, a divider
   * between them), since a response_url takes at most 5 posts and a list of requests is more.
   */
  async function post(
    replies: Reply[],
    where: { channel: string; user: string; private: boolean; respond?: (m: object) => Promise<unknown> },
  ) {
    const messages: { ephemeral: boolean; text: string; blocks: types.KnownBlock[] }[] = [];
    for (const reply of replies) {
      if (reply.attachment) {
        // A private file (an export) goes to the person's direct messages, never to the channel;
        // a chart asked for in the channel is shared there.
        const toChannel = reply.visibility !== "private" && !where.private;
        const channel = toChannel
          ? where.channel
          : ((await app.client.conversations.open({ users: where.user })).channel?.id ?? where.user);
        await app.client.filesUploadV2({
          channel_id: channel,
          file: reply.attachment.path,
          filename: reply.attachment.filename,
          initial_comment: replyText(reply).slice(0, 3000),
        });
        continue;
      }
      const ephemeral = reply.visibility === "private" || where.private;
      const blocks = renderBlocks(reply, opts.secret);
      const last = messages.at(-1);
      if (last && last.ephemeral === ephemeral && last.blocks.length + 1 + blocks.length <= BLOCK_LIMIT) {
        last.blocks.push({ type: "divider" }, ...blocks);
        last.text = `${last.text}\n${replyText(reply)}`.slice(0, 3000);
      } else messages.push({ ephemeral, text: replyText(reply).slice(0, 3000), blocks });
    }
    for (const { ephemeral, text, blocks } of messages) {
      const message = { text, blocks };
      if (where.respond) {
        await where.respond({
          ...message,
          response_type: ephemeral ? "ephemeral" : "in_channel",
          replace_original: false,
        });
      } else if (ephemeral) {
        await app.client.chat.postEphemeral({ ...message, channel: where.channel, user: where.user });
      } else {
        await app.client.chat.postMessage({ ...message, channel: where.channel });
      }
    }
  }

  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    // "/party /bind X" (a Telegram habit, or a hint copied as it was written) means "/party bind X".
    const text = command.text.trim().replace(/^\/+/, "");
    const chat = chatOf(command.channel_id, command.channel_name);
    if (/^(schedule|安排会议|安排)$/i.test(text)) {
      await client.views.open({
        trigger_id: command.trigger_id,
        view: scheduleModal(opts.t, command.channel_id),
      });
      return;
    }
    const minutesFor = text.match(/^(?:minutes|会议记录|记录)\s+(H[0-9A-Za-z]{4})$/i)?.[1];
    if (minutesFor) {
      await client.views.open({
        trigger_id: command.trigger_id,
        view: minutesModal(opts.t, minutesFor.toUpperCase(), command.channel_id),
      });
      return;
    }
    const replies = await opts.handle({
      updateId: command.trigger_id,
      user: { platform: "slack", id: command.user_id, displayName: command.user_name },
      chat,
      payload: { type: "text", text: `/${text || "help"}` },
    });
    await post(replies, {
      channel: command.channel_id,
      user: command.user_id,
      private: chat.kind === "private",
      respond,
    });
  });

  app.action(/^cmd-/, async ({ ack, body, action, respond, client }) => {
    await ack();
    if (body.type !== "block_actions" || action.type !== "button") return;
    const decoded = decodeAction(opts.secret, action.value ?? "");
    const channel = body.channel?.id ?? body.user.id;
    if (!decoded) {
      await respond({
        text: opts.t("telegram.staleButton"),
        response_type: "ephemeral",
        replace_original: false,
      });
      return;
    }
    // 请假 needs a reason: ask for it in a modal rather than in the channel.
    if (decoded.command === "leave" && decoded.args.length === 1) {
      await client.views.open({
        trigger_id: body.trigger_id,
        view: leaveModal(opts.t, decoded.args[0] ?? "", channel),
      });
      return;
    }
    const replies = await opts.handle({
      updateId: body.trigger_id,
      user: { platform: "slack", id: body.user.id, displayName: body.user.name ?? body.user.id },
      chat: chatOf(channel, body.channel?.name),
      payload: { type: "action", command: decoded.command, args: decoded.args },
    });
    await post(replies, { channel, user: body.user.id, private: false, respond });
  });

  app.view("leave_reason", async ({ ack, view, body }) => {
    await ack();
    const { code, channel } = JSON.parse(view.private_metadata) as { code: string; channel: string };
    const reason = view.state.values.reason?.value?.value ?? "";
    const replies = await opts.handle({
      updateId: `${view.id}:${view.hash}`,
      user: { platform: "slack", id: body.user.id, displayName: body.user.name },
      chat: chatOf(channel),
      payload: { type: "action", command: "leave", args: [code, reason] },
    });
    await post(replies, { channel, user: body.user.id, private: true });
  });

  app.view("schedule", async ({ ack, view, body }) => {
    await ack();
    const { channel } = JSON.parse(view.private_metadata) as { channel: string };
    const replies = await opts.handle({
      updateId: `${view.id}:${view.hash}`,
      user: { platform: "slack", id: body.user.id, displayName: body.user.name },
      chat: chatOf(channel),
      payload: { type: "text", text: scheduleText(view.state.values) },
    });
    // The form is one person's: its answer (or what was wrong) is theirs; the announcement
    // reaches the channel through the outbox.
    await post(replies, { channel, user: body.user.id, private: true });
  });

  app.view("minutes", async ({ ack, view, body }) => {
    await ack();
    const { code, channel } = JSON.parse(view.private_metadata) as { code: string; channel: string };
    const user = { platform: "slack" as const, id: body.user.id, displayName: body.user.name };
    for (const field of ["content", "resolutions"] as const) {
      const text = view.state.values[field]?.value?.value?.trim();
      if (!text) continue;
      const replies = await opts.handle({
        updateId: `${view.id}:${view.hash}:${field}`,
        user,
        chat: chatOf(channel),
        payload: { type: "action", command: "minutes", args: [code, field, text] },
      });
      await post(replies, { channel, user: body.user.id, private: true });
    }
  });

  app.error(async (error) => {
    opts.logger.error({ err: error }, "slack request failed");
  });

  return { app, receiver, sender: new SlackSender(deliveryClient(opts.botToken, opts.apiUrl), opts.secret) };
}

// Slack through Bolt: one slash command, /party, with subcommands (/party checkin H7K2Q), Block
// Kit buttons whose values are signed command invocations, modals for what needs typing (the
// leave reason, scheduling, the answer to any question), direct messages (message.im), the App
// Home tab and a global shortcut that opens the schedule form. Requests are acknowledged at once
// and worked on after the ack; each invocation's trigger_id is its update id, so a request
// delivered twice is applied once. People are named as Slack shows them (users.info) and spoken
// to in their language; the bot's identity is checked once at start-up, not on every request.
import { App, HTTPReceiver, LogLevel, type Receiver, SocketModeReceiver } from "@slack/bolt";
import type { Translate } from "../../core/i18n.js";
import type { ChatRef, Incoming, UserRef } from "../../core/incoming.js";
import type { Logger } from "../../core/logger.js";
import type { Reply } from "../../core/reply.js";
import { decodeAction } from "./action-value.js";
import {
  answerModal,
  leaveModal,
  minutesModal,
  scheduleChannel,
  scheduleModal,
  scheduleText,
} from "./modals.js";
import { homeView } from "./slack-home.js";
import type { SlackIdentity } from "./slack-identity.js";
import { ANSWER_ACTION, type AnswerTarget, createPoster } from "./slack-post.js";
import { deliveryClient, SlackSender } from "./slack-sender.js";
import { SlackUsers } from "./slack-users.js";

export const SLACK_EVENTS_PATH = "/slack/events";
export const SLASH_COMMAND = "/party";
export const SCHEDULE_SHORTCUT = "schedule_meeting";

export interface SlackAppOptions {
  botToken: string;
  signingSecret: string;
  /** Socket Mode instead of HTTP: the app-level token (xapp-…). */
  appToken?: string;
  /** Another Web API root (the tests' fake). */
  apiUrl?: string;
  /** The bot's identity, from verifySlackToken at start-up. */
  identity: SlackIdentity;
  secret: string;
  handle(incoming: Incoming): Promise<Reply[]>;
  /** The language to word forms in for this person (their choice, else Slack's locale). */
  translatorFor?(user: UserRef): Promise<Translate>;
  t: Translate;
  logger: Logger;
  /** The bot's private files: a sent attachment (an export, a chart) is discarded from there. */
  files?: { discard(file: string): Promise<void> };
}

const chatOf = (channelId: string, name?: string): ChatRef => ({
  platform: "slack",
  id: channelId,
  kind: channelId.startsWith("D") || name === "directmessage" ? "private" : "group",
  ...(name && name !== "directmessage" ? { title: name } : {}),
});

export function createSlackApp(opts: SlackAppOptions) {
  const receiver: Receiver & { requestListener?: HTTPReceiver["requestListener"] } = opts.appToken
    ? new SocketModeReceiver({ appToken: opts.appToken })
    : new HTTPReceiver({ signingSecret: opts.signingSecret, endpoints: SLACK_EVENTS_PATH });
  const app = new App({
    receiver,
    token: opts.botToken,
    botId: opts.identity.botId,
    botUserId: opts.identity.botUserId,
    tokenVerificationEnabled: false,
    logLevel: LogLevel.ERROR,
    ...(opts.apiUrl ? { clientOptions: { slackApiUrl: opts.apiUrl } } : {}),
  });
  const users = new SlackUsers(app.client);
  const post = createPoster(app, opts.secret, opts.files);
  const translatorFor = async (user: UserRef) => (opts.translatorFor ? opts.translatorFor(user) : opts.t);
  const person = async (id: string, handle?: string) => {
    const user = await users.ref(id, handle);
    return { user, t: await translatorFor(user) };
  };

  /**
   * Opens a form. Slack takes a trigger_id for 3 seconds only; when it has expired (a slow moment)
   * the person is told to ask again rather than left waiting for a form that never comes.
   */
  async function openForm(
    triggerId: string,
    view: Parameters<typeof app.client.views.open>[0]["view"],
    t: Translate,
    respond?: (message: object) => Promise<unknown>,
  ): Promise<void> {
    try {
      await app.client.views.open({ trigger_id: triggerId, view });
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      if (code !== "expired_trigger_id" && code !== "invalid_trigger_id") throw error;
      await respond?.({ text: t("slack.formExpired"), response_type: "ephemeral", replace_original: false });
    }
  }

  app.command(SLASH_COMMAND, async ({ command, ack, respond }) => {
    await ack();
    // "/party /bind X" (a Telegram habit, or a hint copied as it was written) means "/party bind X".
    const text = command.text.trim().replace(/^\/+/, "");
    const chat = chatOf(command.channel_id, command.channel_name);
    const { user, t } = await person(command.user_id, command.user_name);
    if (/^(schedule|安排会议|安排)$/i.test(text)) {
      await openForm(command.trigger_id, scheduleModal(t, command.channel_id), t, respond);
      return;
    }
    const minutesFor = text.match(/^(?:minutes|会议记录|记录)\s+(H[0-9A-Za-z]{4})$/i)?.[1];
    if (minutesFor) {
      await openForm(
        command.trigger_id,
        minutesModal(t, minutesFor.toUpperCase(), command.channel_id),
        t,
        respond,
      );
      return;
    }
    const replies = await opts.handle({
      updateId: command.trigger_id,
      user,
      chat,
      payload: { type: "text", text: `/${text || "help"}` },
    });
    await post(replies, {
      channel: command.channel_id,
      user: command.user_id,
      private: chat.kind === "private",
      respond,
      t,
    });
  });

  app.action(/^cmd-/, async ({ ack, body, action, respond }) => {
    await ack();
    if (body.type !== "block_actions" || action.type !== "button") return;
    const decoded = decodeAction(opts.secret, action.value ?? "");
    const channel = body.channel?.id ?? body.user.id;
    const { user, t } = await person(body.user.id, body.user.name);
    if (!decoded) {
      await respond({ text: t("telegram.staleButton"), response_type: "ephemeral", replace_original: false });
      return;
    }
    // 请假 needs a reason: ask for it in a modal rather than in the channel.
    if (decoded.command === "leave" && decoded.args.length === 1) {
      await openForm(body.trigger_id, leaveModal(t, decoded.args[0] ?? "", channel), t, respond);
      return;
    }
    const replies = await opts.handle({
      updateId: body.trigger_id,
      user,
      chat: chatOf(channel, body.channel?.name),
      payload: { type: "action", command: decoded.command, args: decoded.args },
    });
    await post(replies, { channel, user: body.user.id, private: false, respond, t });
  });

  // 回答 under a question: a form for the answer.
  app.action(ANSWER_ACTION, async ({ ack, body, action, respond }) => {
    await ack();
    if (body.type !== "block_actions" || action.type !== "button") return;
    const { t } = await person(body.user.id, body.user.name);
    const question = body.message?.text ?? "";
    await openForm(body.trigger_id, answerModal(t, question, JSON.parse(action.value ?? "{}")), t, respond);
  });

  app.view("answer", async ({ ack, view, body }) => {
    await ack();
    const target = JSON.parse(view.private_metadata) as AnswerTarget;
    const answer = view.state.values.answer?.value?.value ?? "";
    const { user, t } = await person(body.user.id, body.user.name);
    // A question asked privately is answered from the person's private chat, wherever the form was.
    const chat: ChatRef = target.private
      ? {
          platform: "slack",
          id: target.channel.startsWith("D") ? target.channel : body.user.id,
          kind: "private",
        }
      : chatOf(target.channel);
    const replies = await opts.handle({
      updateId: `${view.id}:${view.hash}`,
      user,
      chat,
      payload: { type: "text", text: answer },
    });
    await post(replies, {
      channel: target.channel,
      user: body.user.id,
      private: true,
      dm: target.channel.startsWith("D"),
      t,
    });
  });

  // Direct messages: commands without /party, and answers to questions asked there.
  app.message(async ({ message, body }) => {
    if (message.channel_type !== "im" || message.subtype !== undefined || !message.user) return;
    const { user, t } = await person(message.user);
    const replies = await opts.handle({
      updateId: (body as { event_id?: string }).event_id ?? `${message.channel}:${message.ts}`,
      user,
      chat: chatOf(message.channel),
      payload: { type: "text", text: message.text ?? "" },
    });
    await post(replies, { channel: message.channel, user: message.user, private: true, dm: true, t });
  });

  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    const { user } = await person(event.user);
    const replies = await opts.handle({
      user,
      chat: { platform: "slack", id: event.channel, kind: "private" },
      payload: { type: "text", text: "/home" },
    });
    await client.views.publish({ user_id: event.user, view: homeView(replies, opts.secret) });
  });

  app.shortcut(SCHEDULE_SHORTCUT, async ({ ack, shortcut }) => {
    await ack();
    const { t } = await person(shortcut.user.id);
    await openForm(shortcut.trigger_id, scheduleModal(t, null), t);
  });

  app.view("leave_reason", async ({ ack, view, body }) => {
    await ack();
    const { code, channel } = JSON.parse(view.private_metadata) as { code: string; channel: string };
    const reason = view.state.values.reason?.value?.value ?? "";
    const { user, t } = await person(body.user.id, body.user.name);
    const replies = await opts.handle({
      updateId: `${view.id}:${view.hash}`,
      user,
      chat: chatOf(channel),
      payload: { type: "action", command: "leave", args: [code, reason] },
    });
    await post(replies, { channel, user: body.user.id, private: true, t });
  });

  app.view("schedule", async ({ ack, view, body }) => {
    const channel = scheduleChannel(view.private_metadata, view.state.values);
    const { user, t } = await person(body.user.id, body.user.name);
    if (!channel) {
      await ack({ response_action: "errors", errors: { channel: t("slack.channel") } });
      return;
    }
    await ack();
    const replies = await opts.handle({
      updateId: `${view.id}:${view.hash}`,
      user,
      chat: chatOf(channel),
      payload: { type: "text", text: scheduleText(view.state.values) },
    });
    // The form is one person's: its answer (or what was wrong) is theirs; the announcement
    // reaches the channel through the outbox.
    await post(replies, { channel, user: body.user.id, private: true, t });
  });

  app.view("minutes", async ({ ack, view, body }) => {
    await ack();
    const { code, channel } = JSON.parse(view.private_metadata) as { code: string; channel: string };
    const { user, t } = await person(body.user.id, body.user.name);
    for (const field of ["content", "resolutions"] as const) {
      const text = view.state.values[field]?.value?.value?.trim();
      if (!text) continue;
      const replies = await opts.handle({
        updateId: `${view.id}:${view.hash}:${field}`,
        user,
        chat: chatOf(channel),
        payload: { type: "action", command: "minutes", args: [code, field, text] },
      });
      await post(replies, { channel, user: body.user.id, private: true, t });
    }
  });

  app.error(async (error) => {
    opts.logger.error({ err: error }, "slack request failed");
  });

  return {
    app,
    receiver,
    sender: new SlackSender(
      deliveryClient(opts.botToken, opts.apiUrl),
      opts.secret,
      opts.identity.workspaceUrl,
    ),
  };
}

// Slack through Bolt: one slash command, /party, with subcommands; Block Kit buttons whose values
// are signed command invocations; modals for what needs typing (the leave reason, scheduling, the
// answer to any question); direct messages; the App Home tab and a global shortcut that opens the
// schedule form — each a named listener under listeners/<kind>/. Requests are acknowledged at once
// and worked on after the ack; each invocation's trigger_id is its update id, so a request
// delivered twice is applied once. People are named as Slack shows them (users.info) and spoken
// to in their language; the bot's identity is checked once at start-up, not on every request.
import { App, HTTPReceiver, LogLevel, type Receiver, SocketModeReceiver, type types } from "@slack/bolt";
import type { Translate } from "../../core/i18n.js";
import { InFlight } from "../../core/in-flight.js";
import type { Incoming, UserRef } from "../../core/incoming.js";
import type { Logger } from "../../core/logger.js";
import type { Reply } from "../../core/reply.js";
import type { Respond, SlackListenerDeps } from "./listeners/deps.js";
import { registerListeners } from "./listeners/index.js";
import type { SlackIdentity } from "./slack-identity.js";
import { createPoster } from "./slack-post.js";
import { deliveryClient, SlackSender } from "./slack-sender.js";
import { SlackUsers } from "./slack-users.js";

export const SLACK_EVENTS_PATH = "/slack/events";
export { SLASH_COMMAND } from "./listeners/commands/party-command.js";
export { SCHEDULE_SHORTCUT } from "./listeners/shortcuts/schedule-shortcut.js";

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
  const translatorFor = async (user: UserRef) => (opts.translatorFor ? opts.translatorFor(user) : opts.t);

  /**
   * Slack takes a trigger_id for 3 seconds only; when it has expired (a slow moment) the person
   * is told to ask again rather than left waiting for a form that never comes.
   */
  async function openForm(triggerId: string, view: types.ModalView, t: Translate, respond?: Respond) {
    try {
      await app.client.views.open({ trigger_id: triggerId, view });
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      if (code !== "expired_trigger_id" && code !== "invalid_trigger_id") throw error;
      await respond?.({ text: t("slack.formExpired"), response_type: "ephemeral", replace_original: false });
    }
  }

  const deps: SlackListenerDeps = {
    handle: opts.handle,
    async person(id, handle) {
      const user = await users.ref(id, handle);
      return { user, t: await translatorFor(user) };
    },
    post: createPoster(app, opts.secret, opts.files),
    openForm,
    secret: opts.secret,
  };
  // Every event from here to its last reply posted (listeners acknowledge first, then work), so
  // that stopping waits for those under way.
  const inFlight = new InFlight();
  app.use(({ next }) => inFlight.track(next()));
  registerListeners(app, deps);

  app.error(async (error) => {
    opts.logger.error({ err: error }, "slack request failed");
  });

  return {
    app,
    receiver,
    inFlight,
    sender: new SlackSender(
      deliveryClient(opts.botToken, opts.apiUrl),
      opts.secret,
      opts.identity.workspaceUrl,
    ),
  };
}

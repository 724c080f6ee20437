// The Slack adapter: over HTTP (Bolt's receiver mounted on the bot's HTTP server at
// /slack/events) or, with SLACK_APP_TOKEN, over Socket Mode (no public URL needed).
import { createHash } from "node:crypto";
import type { Config } from "../../config.js";
import type { Routes } from "../../http/health-server.js";
import { defineAdapter } from "../contract.js";
import { createSlackApp, SLACK_EVENTS_PATH } from "./slack-app.js";
import { verifySlackToken } from "./slack-identity.js";

export type SlackSettings = NonNullable<Config["slack"]>;

export const slackAdapter = defineAdapter<SlackSettings>({
  platform: "slack",
  answerHintKey: "prompts.hintSlack",
  settings: (config) => config.slack,
  async start(settings, host) {
    // Once, before anything listens: a refused token stops the start naming SLACK_BOT_TOKEN.
    const identity = await verifySlackToken(settings.botToken, settings.apiUrl);
    const slack = createSlackApp({
      identity,
      translatorFor: (user) => host.translatorFor(user),
      files: host.files,
      botToken: settings.botToken,
      signingSecret: settings.signingSecret,
      ...(settings.appToken ? { appToken: settings.appToken } : {}),
      ...(settings.apiUrl ? { apiUrl: settings.apiUrl } : {}),
      secret: createHash("sha256").update(`buttons:${settings.signingSecret}`).digest("hex"),
      handle: (incoming) => host.handle(incoming),
      t: host.i18n.translator(host.i18n.defaultLocale),
      logger: host.logger,
    });
    const requestListener = slack.receiver.requestListener;
    let stopping = false;
    // While stopping, Slack is asked to deliver again later; what was taken is finished first.
    const listener: typeof requestListener = requestListener
      ? (req, res) => {
          if (!stopping) return requestListener(req, res);
          req.resume();
          res.writeHead(503, { "retry-after": "5" }).end();
        }
      : undefined;
    if (settings.appToken) await slack.app.start();
    host.logger.info({ mode: settings.appToken ? "socket" : "http" }, "slack started");
    return {
      sender: slack.sender,
      description: `Slack (${settings.appToken ? "Socket Mode" : `HTTP ${SLACK_EVENTS_PATH}`})`,
      routes: (listener && !settings.appToken
        ? new Map([[SLACK_EVENTS_PATH, listener]])
        : new Map()) as Routes,
      async stop(timeoutMs) {
        stopping = true;
        if (settings.appToken) await slack.app.stop();
        if (!(await slack.inFlight.drain(timeoutMs)))
          host.logger.warn({ pending: slack.inFlight.size }, "slack events still running at shutdown");
      },
    };
  },
});

// Running the Slack adapter: over HTTP (Bolt's receiver mounted on the bot's HTTP server at
// /slack/events) or, with SLACK_APP_TOKEN, over Socket Mode (no public URL needed).
import { createHash } from "node:crypto";
import type { App } from "../../app.js";
import type { Config } from "../../config.js";
import type { Logger } from "../../core/logger.js";
import type { Routes } from "../../http/health-server.js";
import { createSlackApp, SLACK_EVENTS_PATH } from "./slack-app.js";
import { verifySlackToken } from "./slack-identity.js";

export async function startSlack(settings: NonNullable<Config["slack"]>, app: App, logger: Logger) {
  // Once, before anything listens: a refused token stops the start naming SLACK_BOT_TOKEN.
  const identity = await verifySlackToken(settings.botToken, settings.apiUrl);
  const slack = createSlackApp({
    identity,
    translatorFor: (user) => app.translatorFor(user),
    files: app.files,
    botToken: settings.botToken,
    signingSecret: settings.signingSecret,
    ...(settings.appToken ? { appToken: settings.appToken } : {}),
    ...(settings.apiUrl ? { apiUrl: settings.apiUrl } : {}),
    secret: createHash("sha256").update(`buttons:${settings.signingSecret}`).digest("hex"),
    handle: (incoming) => app.handle(incoming),
    t: app.i18n.translator(app.i18n.defaultLocale),
    logger,
  });
  const listener = slack.receiver.requestListener;
  if (settings.appToken) await slack.app.start();
  logger.info({ mode: settings.appToken ? "socket" : "http" }, "slack started");
  return {
    sender: slack.sender,
    mode: settings.appToken ? "Socket Mode" : `HTTP ${SLACK_EVENTS_PATH}`,
    routes: (listener && !settings.appToken ? new Map([[SLACK_EVENTS_PATH, listener]]) : new Map()) as Routes,
    async stop() {
      if (settings.appToken) await slack.app.stop();
    },
  };
}

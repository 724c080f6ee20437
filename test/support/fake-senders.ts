// The real platform senders pointed at the fakes, as the delivery tests and benches use them.
import { createSlackApp } from "../../src/adapters/slack/slack-app.js";
import { createTelegramBot } from "../../src/adapters/telegram/telegram-bot.js";
import type { Translate } from "../../src/core/i18n.js";
import { silentLogger } from "../../src/core/logger.js";
import type { FakeSlack } from "./fake-slack.js";
import type { FakeTelegram } from "./fake-telegram.js";

export function telegramSenderFor(
  fake: { token: string; apiRoot: string; botUser: FakeTelegram["botUser"] },
  t: Translate,
) {
  return createTelegramBot({
    token: fake.token,
    apiRoot: fake.apiRoot,
    botInfo: fake.botUser as never,
    secret: "s",
    handle: async () => [],
    t,
    logger: silentLogger,
  }).sender;
}

export function slackSenderFor(fake: FakeSlack, t: Translate) {
  return createSlackApp({
    botToken: fake.botToken,
    signingSecret: fake.signingSecret,
    apiUrl: `${fake.url}/api/`,
    secret: "s",
    handle: async () => [],
    t,
    logger: silentLogger,
  }).sender;
}

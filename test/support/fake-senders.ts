// The real platform senders pointed at the fakes, as the delivery tests and benches use them.

import { createSlackApp } from "../../src/adapters/slack/slack-app.js";
import { createTelegramBot } from "../../src/adapters/telegram/telegram-bot.js";
import type { Translate } from "../../src/core/i18n.js";
import type { Platform } from "../../src/core/incoming.js";
import { silentLogger } from "../../src/core/logger.js";
import { DeliveryWorker } from "../../src/delivery/delivery-worker.js";
import type { Sender } from "../../src/delivery/sender.js";
import type { FakeSlack } from "./fake-slack.js";
import type { FakeTelegram } from "./fake-telegram.js";
import type { TestBot } from "./test-bot.js";

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
    identity: fake.identity,
    botToken: fake.botToken,
    signingSecret: fake.signingSecret,
    apiUrl: `${fake.url}/api/`,
    secret: "s",
    handle: async () => [],
    t,
    logger: silentLogger,
  }).sender;
}

/** The real delivery worker with the real platform limits, on the test bot, sending through `sender`. */
export function deliveryWorkerFor(bot: TestBot, platform: Platform, sender: Sender): DeliveryWorker {
  return new DeliveryWorker(
    bot.app.services,
    new Map([[platform, sender]]),
    bot.app.outboxKinds,
    bot.clock,
    silentLogger,
    {
      t: bot.app.i18n.translator("zh-CN"),
    },
  );
}

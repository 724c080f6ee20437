// The Telegram adapter: long polling with @grammyjs/runner (one instance), or a webhook on the
// bot's HTTP server (any number of instances; updates are deduplicated by update_id in the
// database). Publishes the command menus once connected.
import { createHash } from "node:crypto";
import { type RunnerHandle, run } from "@grammyjs/runner";
import type { Config } from "../../config.js";
import type { Route, Routes } from "../../http/health-server.js";
import { defineAdapter } from "../contract.js";
import { publishMenus, publishSecretaryMenu } from "./command-menus.js";
import { createTelegramBot } from "./telegram-bot.js";
import { telegramWebhookRoute } from "./webhook-route.js";

export const TELEGRAM_WEBHOOK_PATH = "/telegram/webhook";
const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

export type TelegramSettings = NonNullable<Config["telegram"]>;

/** Buttons are signed with a key derived from the token, so they survive restarts. */
export const buttonSecret = (token: string) => createHash("sha256").update(`buttons:${token}`).digest("hex");

export const telegramAdapter = defineAdapter<TelegramSettings>({
  platform: "telegram",
  answerHintKey: "prompts.hint",
  settings: (config) => config.telegram,
  async start(settings, host) {
    const { logger } = host;
    const { bot, sender, inFlight } = createTelegramBot({
      token: settings.token,
      ...(settings.apiRoot ? { apiRoot: settings.apiRoot } : {}),
      secret: buttonSecret(settings.token),
      handle: (incoming) => host.handle(incoming),
      t: host.i18n.translator(host.i18n.defaultLocale),
      logger,
      chatGone: (chat) => host.chatGone(chat, "the bot was removed from the group"),
      menuLevel: (user, chat) => host.menuLevel(user, chat),
      publishMemberMenu: (api, chatId, userId) => publishSecretaryMenu(api, host, chatId, userId),
      files: host.files,
    });
    await bot.init();
    // The menus only decorate: publish them in the background, retrying, never failing the start.
    void publishMenus(bot.api, host, logger);
    let runner: RunnerHandle | undefined;
    let route: Route | undefined;
    const gate = { stopping: false };
    if (settings.mode === "webhook" && settings.webhookUrl && settings.webhookSecret) {
      route = telegramWebhookRoute(bot, settings.webhookSecret, logger, settings.webhookAnswerMs, gate);
      await bot.api.setWebhook(settings.webhookUrl, {
        secret_token: settings.webhookSecret,
        allowed_updates: ALLOWED_UPDATES,
      });
    } else {
      await bot.api.deleteWebhook();
      runner = run(bot, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES } } });
    }
    logger.info({ bot: bot.botInfo.username, mode: settings.mode }, "telegram started");
    return {
      sender,
      description: `Telegram @${bot.botInfo.username} (${settings.mode})`,
      routes: (route ? new Map([[TELEGRAM_WEBHOOK_PATH, route]]) : new Map()) as Routes,
      async stop(timeoutMs) {
        gate.stopping = true;
        if (runner?.isRunning()) await runner.stop();
        // Updates already taken (acknowledged past the webhook's wait, or fetched by polling)
        // finish, their replies sent, before the database closes.
        if (!(await inFlight.drain(timeoutMs)))
          logger.warn({ pending: inFlight.size }, "telegram updates still running at shutdown");
      },
    };
  },
});

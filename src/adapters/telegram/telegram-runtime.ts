// Running the Telegram adapter: long polling with @grammyjs/runner (one instance), or a webhook
// on the bot's HTTP server (any number of instances; updates are deduplicated by update_id in the
// database). Also publishes the command menu, in Chinese and English, per chat scope.
import { createHash } from "node:crypto";
import { type RunnerHandle, run } from "@grammyjs/runner";
import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { App } from "../../app.js";
import type { Config } from "../../config.js";
import { type AnyCommand, summaryKey } from "../../core/command.js";
import type { Logger } from "../../core/logger.js";
import { mayRun } from "../../core/roles.js";
import type { Routes } from "../../http/health-server.js";
import { createTelegramBot } from "./telegram-bot.js";
import { telegramWebhookRoute } from "./webhook-route.js";

export const TELEGRAM_WEBHOOK_PATH = "/telegram/webhook";
const MENU_ATTEMPTS = 5;

/** Buttons are signed with a key derived from the token, so they survive restarts. */
export const buttonSecret = (token: string) => createHash("sha256").update(`buttons:${token}`).digest("hex");

function menu(
  commands: readonly AnyCommand[],
  app: App,
  locale: "zh-CN" | "en",
  level: "member" | "secretary",
): BotCommand[] {
  const t = app.i18n.translator(locale);
  return (
    commands
      .filter((c) => mayRun(c.role, [level]) && /^[a-z0-9_]{1,32}$/.test(c.name))
      .map((c) => ({ command: c.name, description: t(summaryKey(c.name)).slice(0, 256) }))
      // Telegram takes at most 100 commands per menu; the rest still work when typed.
      .slice(0, 100)
  );
}

export async function startTelegram(settings: NonNullable<Config["telegram"]>, app: App, logger: Logger) {
  const { bot, sender } = createTelegramBot({
    token: settings.token,
    ...(settings.apiRoot ? { apiRoot: settings.apiRoot } : {}),
    secret: buttonSecret(settings.token),
    handle: (incoming) => app.handle(incoming),
    t: app.i18n.translator(app.i18n.defaultLocale),
    logger,
  });
  await bot.init();
  // The menus only decorate: publish them in the background, retrying, never failing the start.
  void publishMenus(bot.api, app, logger);
  let runner: RunnerHandle | undefined;
  let route: Routes extends ReadonlyMap<string, infer H> ? H | undefined : never;
  if (settings.mode === "webhook" && settings.webhookUrl && settings.webhookSecret) {
    route = telegramWebhookRoute(bot, settings.webhookSecret, logger, settings.webhookAnswerMs);
    await bot.api.setWebhook(settings.webhookUrl, {
      secret_token: settings.webhookSecret,
      allowed_updates: ["message", "callback_query"],
    });
  } else {
    await bot.api.deleteWebhook();
    runner = run(bot, { runner: { fetch: { allowed_updates: ["message", "callback_query"] } } });
  }
  logger.info({ bot: bot.botInfo.username, mode: settings.mode }, "telegram started");
  return {
    sender,
    username: bot.botInfo.username,
    routes: (route ? new Map([[TELEGRAM_WEBHOOK_PATH, route]]) : new Map()) as Routes,
    async stop() {
      if (runner?.isRunning()) await runner.stop();
    },
  };
}

/**
 * Members see member commands; group administrators (secretaries) see theirs too. Retried with
 * backoff when Telegram fails (a 5xx, a network blip at start-up); logged, never thrown.
 */
async function publishMenus(api: Api, app: App, logger: Logger): Promise<void> {
  const commands = app.registry.all();
  for (let attempt = 1; ; attempt++) {
    try {
      for (const [language, locale] of [
        [undefined, "zh-CN"],
        ["en", "en"],
      ] as const) {
        const lang = language ? { language_code: language } : {};
        await api.setMyCommands(menu(commands, app, locale, "member"), {
          scope: { type: "all_private_chats" },
          ...lang,
        });
        await api.setMyCommands(menu(commands, app, locale, "member"), {
          scope: { type: "all_group_chats" },
          ...lang,
        });
        await api.setMyCommands(menu(commands, app, locale, "secretary"), {
          scope: { type: "all_chat_administrators" },
          ...lang,
        });
      }
      return;
    } catch (err) {
      if (attempt >= MENU_ATTEMPTS) {
        logger.error(
          { err, attempts: attempt },
          "could not publish the command menus; commands still work when typed",
        );
        return;
      }
      logger.warn({ err, attempt }, "publishing the command menus failed; retrying");
      await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 1_000));
    }
  }
}

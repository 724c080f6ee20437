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
const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;
const MENU_LANGUAGES = [
  [undefined, "zh-CN"],
  ["en", "en"],
] as const;

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
    chatGone: (chat) => app.chatGone(chat, "the bot was removed from the group"),
    menuLevel: (user, chat) => app.menuLevel(user, chat),
    publishMemberMenu: (api, chatId, userId) => publishSecretaryMenu(api, app, chatId, userId),
    files: app.files,
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
      allowed_updates: ALLOWED_UPDATES,
    });
  } else {
    await bot.api.deleteWebhook();
    runner = run(bot, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES } } });
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
 * Everyone sees the member commands; a secretary sees theirs in the groups they speak in (published
 * for them alone, see publishSecretaryMenu), not every administrator of a group. Retried with
 * backoff when Telegram fails (a 5xx, a network blip at start-up); logged, never thrown.
 */
async function publishMenus(api: Api, app: App, logger: Logger): Promise<void> {
  const commands = app.registry.all();
  for (let attempt = 1; ; attempt++) {
    try {
      for (const [language, locale] of MENU_LANGUAGES) {
        const lang = language ? { language_code: language } : {};
        await api.setMyCommands(menu(commands, app, locale, "member"), {
          scope: { type: "all_private_chats" },
          ...lang,
        });
        await api.setMyCommands(menu(commands, app, locale, "member"), {
          scope: { type: "all_group_chats" },
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

/** A secretary's commands in one group, for them alone (Telegram's chat_member scope). */
async function publishSecretaryMenu(api: Api, app: App, chatId: number, userId: number): Promise<void> {
  for (const [language, locale] of MENU_LANGUAGES) {
    await api.setMyCommands(menu(app.registry.all(), app, locale, "secretary"), {
      scope: { type: "chat_member", chat_id: chatId, user_id: userId },
      ...(language ? { language_code: language } : {}),
    });
  }
}

// The command menus Telegram shows, in Chinese and English: the member commands for everyone,
// a secretary's in the groups they speak in, published for them alone (the chat_member scope),
// not for every administrator of the group.
import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { Logger } from "../../core/logger.js";
import { mayRun } from "../../core/roles.js";
import { type AnyCommand, summaryKey } from "../../runtime/command.js";
import type { BotHost } from "../contract.js";

const MENU_ATTEMPTS = 5;
const MENU_LANGUAGES = [
  [undefined, "zh-CN"],
  ["en", "en"],
] as const;

type MenuHost = Pick<BotHost, "i18n" | "commands">;

function menu(host: MenuHost, locale: "zh-CN" | "en", level: "member" | "secretary"): BotCommand[] {
  const t = host.i18n.translator(locale);
  return (
    host
      .commands()
      .filter((c: AnyCommand) => mayRun(c.role, [level]) && /^[a-z0-9_]{1,32}$/.test(c.name))
      .map((c) => ({ command: c.name, description: t(summaryKey(c.name)).slice(0, 256) }))
      // Telegram takes at most 100 commands per menu; the rest still work when typed.
      .slice(0, 100)
  );
}

/**
 * Everyone's menus. Retried with backoff when Telegram fails (a 5xx, a network blip at start-up);
 * logged, never thrown: the menus only decorate.
 */
export async function publishMenus(api: Api, host: MenuHost, logger: Logger): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      for (const [language, locale] of MENU_LANGUAGES) {
        const lang = language ? { language_code: language } : {};
        const commands = menu(host, locale, "member");
        await api.setMyCommands(commands, { scope: { type: "all_private_chats" }, ...lang });
        await api.setMyCommands(commands, { scope: { type: "all_group_chats" }, ...lang });
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

/** A secretary's commands in one group, for them alone. */
export async function publishSecretaryMenu(
  api: Api,
  host: MenuHost,
  chatId: number,
  userId: number,
): Promise<void> {
  for (const [language, locale] of MENU_LANGUAGES) {
    await api.setMyCommands(menu(host, locale, "secretary"), {
      scope: { type: "chat_member", chat_id: chatId, user_id: userId },
      ...(language ? { language_code: language } : {}),
    });
  }
}

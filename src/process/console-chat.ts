// The console chat `npm start` opens when no platform is configured: the terminal as a chat,
// typed in as `--as` (or CONSOLE_USER), privately — where /bootstrap, /org_add, /use and /invite,
// the first administrator's steps, work — or in the group `--in` (or CONSOLE_CHAT) names.
import { ConsoleAdapter } from "../adapters/console/console-adapter.js";
import type { App } from "../app.js";
import type { Config } from "../config.js";
import type { ConsoleFlags } from "./read-settings.js";

export function consoleChat(
  app: App,
  config: Config,
  flags: ConsoleFlags,
  afterCommand: () => Promise<unknown>,
): ConsoleAdapter {
  const [userId, userName] = (flags.as ?? config.console.user).split(":");
  return new ConsoleAdapter({
    input: process.stdin,
    output: process.stdout,
    handle: (incoming) => app.handle(incoming),
    t: app.i18n.translator(config.defaultLocale),
    user: { id: userId ?? config.console.user, ...(userName ? { name: userName } : {}) },
    chat:
      !flags.dm && (flags.in ?? config.console.chat)
        ? { id: flags.in ?? config.console.chat, kind: "group" }
        : { id: `dm:${userId}`, kind: "private" },
    color: Boolean(process.stdout.isTTY),
    prompt: Boolean(process.stdin.isTTY),
    afterCommand,
  });
}

// The one set-up scenarios share: a bot on a fresh database and the world most of them start
// from, as vitest fixtures. A test names what it uses (`async ({ bot, world }) => …`) and gets
// it built for it, and closed after it; `test.override({ startAt })` in a describe sets the day
// the world is built on.
import { test as base } from "vitest";
import { startTestBot, type TestBot, type TestBotOptions } from "./test-bot.js";
import { buildWorld, type World } from "./world.js";

export interface BotFixtures {
  /** The instant (UTC) the clock reads when the world is built; the fake clock's own start if unset. */
  startAt: string | null;
  /** How the bot is started (platform, extra commands). */
  botOptions: TestBotOptions;
  bot: TestBot;
  world: World;
}

export const test = base.extend<BotFixtures>({
  startAt: null,
  botOptions: {},
  bot: async ({ startAt, botOptions }, use) => {
    const bot = await startTestBot(botOptions);
    if (startAt) bot.clock.set(startAt);
    await use(bot);
    await bot.close();
  },
  world: async ({ bot }, use) => {
    await use(await buildWorld(bot));
  },
});

export { expect } from "vitest";

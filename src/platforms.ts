// The platforms this installation can run on. A new platform is its folder under src/adapters/
// and a line here. The console is the terminal chat `npm start` opens when no other platform is
// configured; it is started by run.ts itself (it reads the terminal).
import type { PlatformAdapter, PlatformTraits } from "./adapters/contract.js";
import { slackAdapter } from "./adapters/slack/slack-adapter.js";
import { telegramAdapter } from "./adapters/telegram/telegram-adapter.js";

export const CONSOLE: PlatformTraits = { platform: "console", answerHintKey: "prompts.hintConsole" };

// biome-ignore lint/suspicious/noExplicitAny: each adapter has settings of its own shape.
export const ADAPTERS: readonly PlatformAdapter<any>[] = [telegramAdapter, slackAdapter];

/** The line under a question that says how to answer it, per platform. */
export const ANSWER_HINTS: ReadonlyMap<string, string> = new Map(
  [CONSOLE, ...ADAPTERS].map((p) => [p.platform, p.answerHintKey]),
);

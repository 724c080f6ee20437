// Every Slack listener, by kind, as the Bolt starter template lays them out: each kind's index
// registers its named handlers.
import type { App } from "@slack/bolt";
import { register as actions } from "./actions/index.js";
import { register as commands } from "./commands/index.js";
import type { SlackListenerDeps } from "./deps.js";
import { register as events } from "./events/index.js";
import { register as messages } from "./messages/index.js";
import { register as shortcuts } from "./shortcuts/index.js";
import { register as views } from "./views/index.js";

export function registerListeners(app: App, deps: SlackListenerDeps): void {
  for (const register of [commands, actions, views, messages, events, shortcuts]) register(app, deps);
}

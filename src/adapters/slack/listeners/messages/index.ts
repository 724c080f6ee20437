import type { App } from "@slack/bolt";
import type { SlackListenerDeps } from "../deps.js";
import { directMessage } from "./direct-message.js";

export function register(app: App, deps: SlackListenerDeps): void {
  app.message(directMessage(deps));
}

import type { App } from "@slack/bolt";
import type { SlackListenerDeps } from "../deps.js";
import { appHomeOpened } from "./app-home-opened.js";

export function register(app: App, deps: SlackListenerDeps): void {
  app.event("app_home_opened", appHomeOpened(deps));
}

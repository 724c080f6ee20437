import type { App, GlobalShortcut } from "@slack/bolt";
import type { SlackListenerDeps } from "../deps.js";
import { SCHEDULE_SHORTCUT, scheduleShortcut } from "./schedule-shortcut.js";

export function register(app: App, deps: SlackListenerDeps): void {
  app.shortcut<GlobalShortcut>(SCHEDULE_SHORTCUT, scheduleShortcut(deps));
}

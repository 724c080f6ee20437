import type { App } from "@slack/bolt";
import type { SlackListenerDeps } from "../deps.js";
import { partyCommand, SLASH_COMMAND } from "./party-command.js";

export function register(app: App, deps: SlackListenerDeps): void {
  app.command(SLASH_COMMAND, partyCommand(deps));
}

import type { App, BlockAction } from "@slack/bolt";
import { ANSWER_ACTION } from "../../slack-post.js";
import type { SlackListenerDeps } from "../deps.js";
import { answerButton } from "./answer-button.js";
import { COMMAND_BUTTON, commandButton } from "./command-button.js";

export function register(app: App, deps: SlackListenerDeps): void {
  app.action<BlockAction>(COMMAND_BUTTON, commandButton(deps));
  app.action<BlockAction>(ANSWER_ACTION, answerButton(deps));
}

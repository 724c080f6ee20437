import type { App, ViewSubmitAction } from "@slack/bolt";
import type { SlackListenerDeps } from "../deps.js";
import { answerSubmitted } from "./answer.js";
import { leaveReasonSubmitted } from "./leave-reason.js";
import { minutesSubmitted } from "./minutes.js";
import { scheduleSubmitted } from "./schedule.js";

export function register(app: App, deps: SlackListenerDeps): void {
  app.view<ViewSubmitAction>("answer", answerSubmitted(deps));
  app.view<ViewSubmitAction>("leave_reason", leaveReasonSubmitted(deps));
  app.view<ViewSubmitAction>("schedule", scheduleSubmitted(deps));
  app.view<ViewSubmitAction>("minutes", minutesSubmitted(deps));
}

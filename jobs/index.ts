// Every scheduled job. Each one's cron can be overridden with JOB_<ID>_CRON.
import type { JobDefinition } from "../src/scheduler/job.js";
import { absenceWarnings } from "./absence-warnings.js";
import { communityReminders } from "./community-reminders.js";
import { developmentNudges } from "./development-nudges.js";
import { duesReminders } from "./dues-reminders.js";
import { meetingReminders } from "./meeting-reminders.js";
import { meetingSeries } from "./meeting-series.js";
import { periodDeadlines } from "./period-deadlines.js";
import { periodSummaries } from "./period-summaries.js";
import { weeklyLeaderboard } from "./weekly-leaderboard.js";

export const jobs: readonly JobDefinition[] = [
  meetingReminders,
  meetingSeries,
  absenceWarnings,
  periodDeadlines,
  weeklyLeaderboard,
  periodSummaries,
  communityReminders,
  duesReminders,
  developmentNudges,
];

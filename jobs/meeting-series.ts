// Daily at 02:30: every recurring meeting rule makes its occurrences up to three months ahead, in
// each branch it reaches (a committee's rule, such as the county's theme day, in every branch
// below it without one of its own). Idempotent: an occurrence made, moved or cancelled is never
// made again (Meeting.occurrenceAt, unique per series and branch).
import { defineJob } from "../src/scheduler/job.js";

export const meetingSeries = defineJob({
  id: "meeting-series",
  cron: "30 2 * * *",
  catchUpMs: 24 * 3_600_000,
  async run({ now, services }) {
    const made = await services.series.materialiseAll(now);
    return { meetings: made.length };
  },
});

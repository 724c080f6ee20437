// Daily at 09:00: the 黄橙红 absence warnings of each branch, sent privately to its secretaries —
// never posted in the group. A member's warning at one level goes out once a month.
import { DateTime } from "luxon";
import { defineJob } from "../src/scheduler/job.js";
import { renderWarnings } from "../src/warnings/warning-text.js";

export const absenceWarnings = defineJob({
  id: "absence-warnings",
  cron: "0 9 * * *",
  catchUpMs: 12 * 3_600_000,
  async run({ now, services, t }) {
    let sent = 0;
    let warned = 0;
    for (const branch of await services.orgs.branches()) {
      const warnings = await services.warnings.forBranch(branch, now);
      if (warnings.length === 0) continue;
      warned += warnings.length;
      const month = DateTime.fromJSDate(now, { zone: "utc" }).toFormat("yyyy-MM");
      // One message per secretary listing everyone; its key changes when the list does.
      const key = warnings
        .map((w) => `${w.memberId}:${w.reason}:${w.level}`)
        .sort()
        .join(",");
      for (const secretary of await services.warnings.secretariesOf(branch.id)) {
        sent += await services.outbox.toPerson(secretary, renderWarnings(branch.name, warnings, t), {
          now,
          dedupeKey: `absence:${branch.id}:${month}:${key}`,
        });
      }
    }
    return { warned, sent };
  },
});

// Daily at 09:00: when a required meeting of this month/quarter/year is neither held nor
// scheduled and the period ends within the configured days (deadlines.daysBefore, default 7),
// tell the branch's secretaries and the secretaries and administrators of the committees above,
// privately. Once per branch, meeting type, group and period.

import { DateTime } from "luxon";
import { plain } from "../src/core/reply.js";
import { periodLabel } from "../src/meetings/period-label.js";
import { defineJob } from "../src/scheduler/job.js";

const DAY = 86_400_000;

export const periodDeadlines = defineJob({
  id: "period-deadlines",
  cron: "0 9 * * *",
  catchUpMs: 12 * 3_600_000,
  async run({ now, services, t }) {
    let notices = 0;
    for (const branch of await services.orgs.branches()) {
      const settings = await services.orgs.settings(branch.id);
      const daysBefore = settings["deadlines.daysBefore"].value as number;
      const zone = await services.zones.of(branch.id);
      const { rows, groups } = await services.meetings.views.obligationsOf(branch, now);
      const due = rows.filter(
        (r) => r.missing > 0 && r.period.end.getTime() - now.getTime() <= daysBefore * DAY,
      );
      if (due.length === 0) continue;
      const recipients = await services.warnings.overseersOf(branch.id);
      for (const row of due) {
        const text = t("deadlines.line", {
          branch: branch.name,
          type: t(`meetingTypes.${row.type}`),
          group: row.groupId ? `（${groups.get(row.groupId) ?? ""}）` : "",
          period: periodLabel(row.period, t),
          missing: row.missing,
          end: DateTime.fromJSDate(new Date(row.period.end.getTime() - 1), { zone }).toISODate(),
        });
        const key = `deadline:${branch.id}:${row.type}:${row.groupId ?? "-"}:${row.period.start.toISOString()}`;
        for (const personId of recipients) {
          notices += await services.outbox.toPerson(
            personId,
            { segments: [plain(text)] },
            { now, dedupeKey: `${key}:${personId}` },
          );
        }
      }
    }
    return { notices };
  },
});

// On the 1st of each month at 09:00 (一月一调度): each branch chat gets last month's summary —
// required meetings held, attendance, how many members carry an absence warning (no names in the
// group). At the start of a quarter (一季一拉练) each committee chat also gets its branches'
// compliance for the quarter just ended.

import { DateTime } from "luxon";
import { percent } from "../src/core/format.js";
import { bold, plain, type Reply } from "../src/core/reply.js";
import { obligationLine } from "../src/meetings/obligation-text.js";
import { periodLabel } from "../src/meetings/period-label.js";
import type { Period } from "../src/meetings/periods.js";
import { defineJob } from "../src/scheduler/job.js";

export const periodSummaries = defineJob({
  id: "period-summaries",
  cron: "0 9 1 * *",
  catchUpMs: 24 * 3_600_000,
  async run({ now, services, t, timeZone }) {
    let posts = 0;
    const label = (p: Period) => periodLabel(p, t);
    for (const branch of await services.orgs.branches()) {
      if ((await services.chats.boundChats(branch.id)).length === 0) continue;
      const { rows, groups, period } = await services.meetings.views.obligationsOf(branch, now, {
        kind: "month",
        back: 1,
      });
      // The month's obligations as /obligations shows them: the monthly ones with party groups
      // each on their line, and the quarter's and the year's so far.
      const attendance = await services.meetings.views.attendanceRate(branch.id, period.start, period.end);
      const warned = (await services.warnings.forBranch(branch, now)).length;
      const lines = rows.map((r) => obligationLine(r, groups, t));
      lines.push(
        t("summaries.attendance", { rate: percent(attendance.rate), meetings: attendance.meetings }),
      );
      if (warned > 0) lines.push(t("summaries.warned", { count: warned }));
      const reply: Reply = {
        segments: [
          bold(t("summaries.monthTitle", { name: branch.name, period: label(period) })),
          plain(`\n${lines.join("\n")}`),
        ],
      };
      posts += await services.outbox.toOrganization(branch.id, reply, {
        now,
        dedupeKey: `summary:${branch.id}:${period.start.toISOString()}`,
      });
    }
    // A new quarter: committees see how their branches did.
    if ([1, 4, 7, 10].includes(DateTime.fromJSDate(now, { zone: timeZone }).month)) {
      for (const committee of await services.orgs.ofKind("committee")) {
        if ((await services.chats.boundChats(committee.id)).length === 0) continue;
        const branches = (await services.orgs.subtree(committee.id)).filter((o) => o.kind === "branch");
        const lines: string[] = [];
        let quarter: Period | undefined;
        for (const branch of branches) {
          // The whole quarter just ended: three months of each monthly meeting, and the quarterly ones.
          const { rows, period } = await services.meetings.views.obligationsOf(branch, now, {
            kind: "quarter",
            back: 1,
          });
          quarter ??= period;
          const judged = rows.filter((r) => r.judged);
          const required = judged.reduce((n, r) => n + r.due, 0);
          const held = judged.reduce((n, r) => n + r.counted, 0);
          lines.push(
            t("summaries.branchLine", {
              name: branch.name,
              held,
              required,
              rate: percent(required ? held / required : 1),
            }),
          );
        }
        if (!quarter || lines.length === 0) continue;
        const reply: Reply = {
          segments: [
            bold(t("summaries.quarterTitle", { name: committee.name, period: label(quarter) })),
            plain(`\n${lines.join("\n")}`),
          ],
        };
        posts += await services.outbox.toOrganization(committee.id, reply, {
          now,
          dedupeKey: `summary:${committee.id}:${quarter.start.toISOString()}`,
        });
      }
    }
    return { posts };
  },
});

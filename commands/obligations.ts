// /obligations [月|季|年] [上期|2027-Q1|2027-03]: what 三会一课 asked of the branch in a period
// (default: this quarter) — per meeting type, required / held / missing and in which months, with
// the meetings that were held without their quorum flagged (their resolutions are not valid).
import { defineCommand } from "../src/core/command.js";
import { requireOrg, requirePerson } from "../src/core/command-helpers.js";
import { bold, plain, type Segment } from "../src/core/reply.js";
import { periodLabel } from "../src/meetings/period-label.js";
import { periodSpecArgs } from "../src/meetings/period-spec.js";

export const obligationsCommand = defineCommand({
  name: "obligations",
  aliases: ["任务", "三会一课"],
  role: "committee_member",
  args: periodSpecArgs("quarter", ["month", "quarter", "half_year", "year"]),
  async run(ctx) {
    const org = requireOrg(ctx);
    const actorId = await requirePerson(ctx);
    const { rows, groups, period } = await ctx.services.meetings.obligations(actorId, org, ctx.now, ctx.args);
    const segments: Segment[] = [
      bold(ctx.t("obligations.title", { name: org.name, period: periodLabel(period, ctx.t) })),
    ];
    for (const row of rows) {
      const who = row.groupId ? `（${groups.get(row.groupId) ?? ""}）` : "";
      // A type due less often than the period is shown for its own period (a yearly meeting).
      const own = row.judged ? "" : ` · ${periodLabel(row.period, ctx.t)}`;
      const missed = row.missing - row.stillToHold;
      const parts = [
        missed > 0
          ? ctx.t("obligations.missing", {
              count: missed,
              when: row.missingIn.map((p) => periodLabel(p, ctx.t)).join("、"),
            })
          : "",
        row.stillToHold > 0 ? ctx.t("obligations.stillToHold", { count: row.stillToHold }) : "",
      ].filter(Boolean);
      const state = parts.length > 0 ? parts.join(" ") : ctx.t("obligations.ok");
      const line = ctx.t("obligations.line", {
        required: row.required,
        held: row.held,
        scheduled: row.scheduled,
      });
      const quorum =
        row.withoutQuorum > 0 ? ctx.t("obligations.withoutQuorum", { count: row.withoutQuorum }) : "";
      segments.push(plain(`\n${ctx.t(`meetingTypes.${row.type}`)}${who}${own}：${line} ${state}${quorum}`));
    }
    return { segments };
  },
});

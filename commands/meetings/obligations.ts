// /obligations [月|季|年] [上期|2027-Q1|2027-03]: what 三会一课 asked of the branch in a period
// (default: this quarter) — per meeting type, required / held / missing and in which months, with
// the meetings that were held without their quorum flagged (their resolutions are not valid).

import { bold, plain, type Segment } from "../../src/core/reply.js";
import { obligationLine } from "../../src/meetings/obligation-text.js";
import { periodLabel } from "../../src/meetings/period-label.js";
import { periodSpecArgs } from "../../src/meetings/period-spec.js";
import { defineCommand } from "../../src/runtime/command.js";
import { requireOrg } from "../../src/runtime/command-helpers.js";

export const obligationsCommand = defineCommand({
  name: "obligations",
  aliases: ["任务", "三会一课"],
  role: "committee_member",
  args: periodSpecArgs("quarter", ["month", "quarter", "half_year", "year"]),
  async run(ctx) {
    const org = requireOrg(ctx);
    const { rows, groups, period } = await ctx.services.meetings.views.obligations(
      ctx.personId,
      org,
      ctx.now,
      ctx.args,
    );
    const segments: Segment[] = [
      bold(ctx.t("obligations.title", { name: org.name, period: periodLabel(period, ctx.t) })),
    ];
    for (const row of rows) segments.push(plain(`\n${obligationLine(row, groups, ctx.t)}`));
    return { segments };
  },
});

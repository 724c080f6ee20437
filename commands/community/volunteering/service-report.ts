// /service_report: the branch's (or community's) volunteer hours this quarter — its own members,
// and in-service members from other branches who served here.

import { z } from "zod";
import { hoursText } from "../../../src/community/community-rules.js";
import { bold, plain } from "../../../src/core/reply.js";
import { periodLabel } from "../../../src/meetings/period-label.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { requireOrg } from "../../../src/runtime/command-helpers.js";

export const serviceReport = defineCommand({
  name: "service_report",
  aliases: ["服务统计"],
  role: "committee_member",
  args: z.tuple([]),
  async run(ctx) {
    const org = requireOrg(ctx);
    const r = await ctx.services.volunteers.report(ctx.personId, org, ctx.now, ctx.zone);
    const period = periodLabel(r.period, ctx.t);
    const lines = r.own.map((m) =>
      ctx.t("community.reportLine", { name: m.name, hours: hoursText(m.minutes) }),
    );
    if (r.visiting.length > 0) {
      lines.push(ctx.t("community.visitingTitle"));
      for (const v of r.visiting)
        lines.push(
          ctx.t("community.visitingLine", { name: v.name, branch: v.branch, hours: hoursText(v.minutes) }),
        );
    }
    if (lines.length === 0) lines.push(ctx.t("community.nobodyServed"));
    return {
      segments: [
        bold(ctx.t("community.reportTitle", { name: org.name, period })),
        plain(`\n${lines.join("\n")}`),
      ],
      visibility: "private",
    };
  },
});

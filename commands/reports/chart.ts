// /chart [积分|出勤|达标]: a chart as an image with its text beside it — the branch's weekly
// leaderboard card (members), its attendance over the last months (branch committee), or a
// committee's overview of its branches (that committee). Default: the card in a branch, the
// overview in a committee.
import { z } from "zod";
import type { ChartKind } from "../../src/core/chart-spec.js";
import { defineCommand } from "../../src/runtime/command.js";
import { requireOrg } from "../../src/runtime/command-helpers.js";

const KINDS: Record<string, ChartKind> = {
  积分: "leaderboard",
  积分榜: "leaderboard",
  榜单: "leaderboard",
  leaderboard: "leaderboard",
  points: "leaderboard",
  出勤: "trend",
  出勤率: "trend",
  趋势: "trend",
  trend: "trend",
  attendance: "trend",
  达标: "compliance",
  达标情况: "compliance",
  概览: "compliance",
  compliance: "compliance",
  overview: "compliance",
};
const kind = z
  .string()
  .transform((w) => KINDS[w.toLowerCase()])
  .pipe(z.enum(["leaderboard", "trend", "compliance"]));

export const chart = defineCommand({
  name: "chart",
  aliases: ["图表"],
  role: "member",
  args: z.union([z.tuple([]), z.tuple([kind])]),
  async run(ctx) {
    const org = requireOrg(ctx);
    const [which = org.kind === "branch" || org.kind === "group" ? "leaderboard" : "compliance"] = ctx.args;
    const charts = ctx.services.charts;
    const result =
      which === "leaderboard"
        ? await charts.leaderboardCard(ctx.personId, org, ctx.now, ctx.t)
        : which === "trend"
          ? await charts.attendanceTrend(ctx.personId, org, ctx.now, ctx.t)
          : await charts.complianceOverview(ctx.personId, org, ctx.now, ctx.t);
    const file = await charts.writePng(result.spec);
    return { ...result.text, attachment: { kind: "image", ...file } };
  },
});

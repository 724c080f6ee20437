// /evaluation [月|季|半年|年] [上期]: in a committee, its branches ranked by the scoring sheet with
// movement since the period before, the demonstration candidates and the lagging list — privately,
// never in a branch chat. In a branch, its secretary sees the branch's own marks only.

import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { lastArg, periodKindArg } from "../../src/evaluation/evaluation-args.js";
import { periodLabel } from "../../src/meetings/period-label.js";
import { defineCommand } from "../../src/runtime/command.js";
import { requireOrg } from "../../src/runtime/command-helpers.js";

export const evaluation = defineCommand({
  name: "evaluation",
  aliases: ["考评", "评比"],
  role: "secretary",
  args: z.union([z.tuple([]), z.tuple([periodKindArg]), z.tuple([periodKindArg, lastArg])]),
  async run(ctx) {
    const [kind = "quarter", which = "this"] = ctx.args;
    const org = requireOrg(ctx);
    const label = (p: { kind: string; year: number; index: number }) => periodLabel(p, ctx.t);
    if (org.kind === "branch") {
      const { period, own } = await ctx.services.evaluation.ownScore(ctx.personId, org, kind, which, ctx.now);
      const lines = own.marks.map((m) =>
        ctx.t("evaluation.markLine", { label: m.item.label, weight: m.item.weight, mark: m.mark }),
      );
      return textReply(
        `${ctx.t("evaluation.ownTitle", { name: org.name, period: label(period), score: own.score })}\n${lines.join("\n")}`,
        { visibility: "private" },
      );
    }
    const r = await ctx.services.evaluation.committeeRanking(ctx.personId, org, kind, which, ctx.now);
    const arrow = (id: string) => {
      const move = r.movement(id);
      return move > 0 ? `↑${move}` : move < 0 ? `↓${-move}` : "—";
    };
    const lines = r.ranked.map(({ item, rank }) =>
      ctx.t("evaluation.rankLine", {
        rank,
        name: item.branch.name,
        score: item.score,
        move: arrow(item.branch.id),
      }),
    );
    const names = (list: typeof r.ranked) => list.map((x) => x.item.branch.name).join("、") || "—";
    return textReply(
      [
        ctx.t("evaluation.title", { name: org.name, period: label(r.period) }),
        ...lines,
        ctx.t("evaluation.demonstration", { names: names(r.demonstration) }),
        ctx.t("evaluation.lagging", { names: names(r.lagging) }),
      ].join("\n"),
      { visibility: "private" },
    );
  },
});

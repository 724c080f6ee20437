// /hand_score <支部代码> <项目> <0–100> [评语…]: the committee scores a branch by hand on an item
// its sheet measures that way, for this quarter.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { itemRefArg } from "../../src/evaluation/evaluation-args.js";
import { periodOf } from "../../src/meetings/periods.js";
import { defineCommand } from "../../src/runtime/command.js";
import { codeArg, requireOrg } from "../../src/runtime/command-helpers.js";

export const handScore = defineCommand({
  name: "hand_score",
  aliases: ["评分"],
  role: "secretary",
  args: z.tuple([codeArg, itemRefArg, z.coerce.number().int().min(0).max(100)]).rest(z.string()),
  async run(ctx) {
    const [branchCode, key, score, ...words] = ctx.args;
    const org = requireOrg(ctx);
    const period = periodOf(ctx.now, "quarter", ctx.zone);
    const comment = words.join(" ").trim().slice(0, 200) || null;
    const { branch, item } = await ctx.services.evaluation.handScore(
      ctx.personId,
      org,
      { branchCode, key, score, comment, period },
      ctx.now,
    );
    return textReply(
      ctx.t("evaluation.handScored", {
        name: branch.name,
        label: item.label,
        score,
        period: ctx.t("periods.quarter", { year: period.year, index: period.index }),
      }),
      { visibility: "private" },
    );
  },
});

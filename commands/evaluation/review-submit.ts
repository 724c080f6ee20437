// /review_submit [上期] (the 提交党委 button): submit the branch's half-year report as it stands.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { lastArg } from "../../src/evaluation/evaluation-args.js";
import { branchReview } from "../../src/evaluation/review-text.js";
import { defineCommand } from "../../src/runtime/command.js";
import { requireOrg, requirePerson } from "../../src/runtime/command-helpers.js";

export const reviewSubmit = defineCommand({
  name: "review_submit",
  aliases: ["提交述职"],
  role: "secretary",
  args: z.union([z.tuple([]), z.tuple([lastArg])]),
  async run(ctx) {
    const [which = "this"] = ctx.args;
    const org = requireOrg(ctx);
    const personId = await requirePerson(ctx);
    const { key, text } = await branchReview(ctx.services, personId, org, which, ctx.now, ctx.t);
    await ctx.services.evaluation.submitReview(personId, org, key, text, ctx.now);
    return textReply(ctx.t("evaluation.submitted", { name: org.name, period: key }), {
      visibility: "private",
    });
  },
});

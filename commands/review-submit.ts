// /review_submit [上期] (the 提交党委 button): submit the branch's half-year report as it stands.
import { z } from "zod";
import { hoursText } from "../src/community/community-rules.js";
import { defineCommand } from "../src/core/command.js";
import { requireOrg, requirePerson } from "../src/core/command-helpers.js";
import { textReply } from "../src/core/reply.js";
import { lastArg } from "../src/evaluation/evaluation-args.js";
import { evaluationReviewText } from "../src/evaluation/review-text.js";

export const reviewSubmit = defineCommand({
  name: "review_submit",
  aliases: ["提交述职"],
  role: "secretary",
  args: z.union([z.tuple([]), z.tuple([lastArg])]),
  async run(ctx) {
    const [which = "this"] = ctx.args;
    const org = requireOrg(ctx);
    const personId = await requirePerson(ctx);
    const facts = await ctx.services.evaluation.reviewFacts(personId, org, which, ctx.now);
    const warnings = await ctx.services.warnings.forBranch(org, ctx.now);
    const text = evaluationReviewText(org.name, facts, warnings.length, ctx.t, hoursText);
    await ctx.services.evaluation.submitReview(personId, org, facts.key, text, ctx.now);
    return textReply(ctx.t("evaluation.submitted", { name: org.name, period: facts.key }), {
      visibility: "private",
    });
  },
});

// /review [上期]: the branch's half-year report (述职) written from its records, with a button to
// submit it to the committee.
import { z } from "zod";
import { hoursText } from "../src/community/community-rules.js";
import { defineCommand } from "../src/core/command.js";
import { requireOrg, requirePerson } from "../src/core/command-helpers.js";
import { lastArg } from "../src/evaluation/evaluation-args.js";
import { evaluationReviewText } from "../src/evaluation/review-text.js";

export const review = defineCommand({
  name: "review",
  aliases: ["述职"],
  role: "secretary",
  args: z.union([z.tuple([]), z.tuple([lastArg])]),
  async run(ctx) {
    const [which = "this"] = ctx.args;
    const org = requireOrg(ctx);
    const personId = await requirePerson(ctx);
    const facts = await ctx.services.evaluation.reviewFacts(personId, org, which, ctx.now);
    const warnings = await ctx.services.warnings.forBranch(org, ctx.now);
    const text = evaluationReviewText(org.name, facts, warnings.length, ctx.t, hoursText);
    return {
      segments: [{ text }],
      visibility: "private",
      buttons: [
        [
          {
            label: ctx.t("evaluation.submitButton"),
            command: "review_submit",
            args: which === "last" ? ["上期"] : [],
          },
        ],
      ],
    };
  },
});

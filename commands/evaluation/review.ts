// /review [上期]: the branch's half-year report (述职) written from its records, with a button to
// submit it to the committee.
import { z } from "zod";
import { lastArg } from "../../src/evaluation/evaluation-args.js";
import { branchReview } from "../../src/evaluation/review-text.js";
import { defineCommand } from "../../src/runtime/command.js";
import { requireOrg, requirePerson } from "../../src/runtime/command-helpers.js";

export const review = defineCommand({
  name: "review",
  aliases: ["述职"],
  role: "secretary",
  args: z.union([z.tuple([]), z.tuple([lastArg])]),
  async run(ctx) {
    const [which = "this"] = ctx.args;
    const org = requireOrg(ctx);
    const personId = await requirePerson(ctx);
    const { text } = await branchReview(ctx.services, personId, org, which, ctx.now, ctx.t);
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

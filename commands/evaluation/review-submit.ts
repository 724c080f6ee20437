// /review_submit [上期] (the 提交党委 button): submit the branch's half-year report as it stands.
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";
import { reviewArgs, reviewAsked } from "./review-asked.js";

export const reviewSubmit = defineCommand({
  name: "review_submit",
  aliases: ["提交述职"],
  role: "secretary",
  args: reviewArgs,
  async run(ctx) {
    const { org, key, text } = await reviewAsked(ctx, ctx.personId);
    await ctx.services.evaluation.submitReview(ctx.personId, org, key, text, ctx.now);
    return textReply(ctx.t("evaluation.submitted", { name: org.name, period: key }), {
      visibility: "private",
    });
  },
});

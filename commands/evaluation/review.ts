// /review [上期]: the branch's half-year report (述职) written from its records, with a button to
// submit it to the committee.
import { defineCommand } from "../../src/runtime/command.js";
import { reviewArgs, reviewAsked } from "./review-asked.js";

export const review = defineCommand({
  name: "review",
  aliases: ["述职"],
  role: "secretary",
  args: reviewArgs,
  async run(ctx) {
    const { which, text } = await reviewAsked(ctx, ctx.personId);
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

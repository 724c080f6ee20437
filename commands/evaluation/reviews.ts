// /reviews: which branches below the committee have submitted their half-year report.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";
import { formatDateTime, requireOrg } from "../../src/runtime/command-helpers.js";

export const reviews = defineCommand({
  name: "reviews",
  aliases: ["述职情况"],
  role: "committee_member",
  args: z.tuple([]),
  async run(ctx) {
    const org = requireOrg(ctx);
    const r = await ctx.services.evaluation.reviews(ctx.personId, org, ctx.now);
    const lines = r.branches.map((b) => {
      const at = r.submitted.get(`${b.id}|${r.currentKey}`) ?? r.submitted.get(`${b.id}|${r.key}`);
      return at
        ? ctx.t("evaluation.reviewIn", { name: b.name, at: formatDateTime(at, ctx.zone) })
        : ctx.t("evaluation.reviewMissing", { name: b.name });
    });
    return textReply(`${ctx.t("evaluation.reviewsTitle", { name: org.name })}\n${lines.join("\n")}`, {
      visibility: "private",
    });
  },
});

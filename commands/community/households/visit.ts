// /visit <household code> <note…>: record a visit or contact with a linked household.
import { codeAndText, joinText } from "../../../src/community/community-args.js";
import { textReply } from "../../../src/core/reply.js";
import { defineCommand } from "../../../src/runtime/command.js";

export const visit = defineCommand({
  name: "visit",
  aliases: ["走访"],
  role: "member",
  args: codeAndText,
  async run(ctx) {
    const [code, ...words] = ctx.args;
    const h = await ctx.services.households.visit(ctx.personId, code, joinText(words, 200), ctx.now);
    return textReply(ctx.t("households.visited", { label: h.label }), { visibility: "private" });
  },
});

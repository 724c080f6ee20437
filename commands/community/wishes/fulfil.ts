// /fulfil <code> <report…> [photo attached]: the claimant reports a wish fulfilled; the
// secretary then confirms it.

import { codeAndText, joinText } from "../../../src/community/community-args.js";
import { textReply } from "../../../src/core/reply.js";
import { defineCommand } from "../../../src/runtime/command.js";

export const fulfil = defineCommand({
  name: "fulfil",
  aliases: ["完成心愿", "fulfill"],
  role: "anyone",
  args: codeAndText,
  async run(ctx) {
    const [code, ...words] = ctx.args;
    const note = joinText(words, 300);
    const photo = ctx.attachment ? ctx.attachment.filename : null;
    const { wish } = await ctx.services.wishes.fulfil(ctx.personId, code, note, photo, ctx.now);
    return textReply(ctx.t("wishes.fulfilled", { summary: wish.summary, code: wish.code }));
  },
});

// /confirm_wish <code>: the secretary confirms a fulfilled wish; it counts for the claimant.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { codeArg } from "../../../src/runtime/command-helpers.js";

export const confirmWish = defineCommand({
  name: "confirm_wish",
  aliases: ["确认心愿"],
  role: "secretary",
  args: z.tuple([codeArg]),
  async run(ctx) {
    const { wish, claimant } = await ctx.services.wishes.confirm(ctx.personId, ctx.args[0], ctx.now);
    return textReply(ctx.t("wishes.confirmed", { summary: wish.summary, name: claimant?.name ?? "" }));
  },
});

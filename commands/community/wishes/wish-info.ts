// /wish_info <code>: a wish and its state; the resident's details only for its claimant and the
// secretaries.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { codeArg } from "../../../src/runtime/command-helpers.js";

export const wishInfo = defineCommand({
  name: "wish_info",
  aliases: ["心愿详情"],
  role: "anyone",
  args: z.tuple([codeArg]),
  async run(ctx) {
    const { wish, claimant, recipient } = await ctx.services.wishes.info(ctx.personId, ctx.args[0]);
    const lines = [
      ctx.t("wishes.line", {
        summary: wish.summary,
        code: wish.code,
        status: ctx.t(`wishes.status.${wish.status}`),
      }),
    ];
    if (claimant) lines.push(ctx.t("wishes.claimant", { name: claimant.name }));
    if (wish.fulfilmentNote) lines.push(ctx.t("wishes.report", { note: wish.fulfilmentNote }));
    lines.push(recipient ? ctx.t("wishes.recipient", { recipient }) : ctx.t("wishes.recipientHidden"));
    return textReply(lines.join("\n"), { visibility: "private" });
  },
});

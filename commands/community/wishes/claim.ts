// /claim <code> (the 认领 button): claim a wish. The chat hears that it is taken; the resident's
// details go to the claimant alone.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { codeArg, formatDateTime } from "../../../src/runtime/command-helpers.js";

export const claim = defineCommand({
  name: "claim",
  aliases: ["认领"],
  role: "anyone",
  args: z.tuple([codeArg]),
  async run(ctx) {
    const { wish, member } = await ctx.services.wishes.claim(ctx.personId, ctx.args[0], ctx.now);
    const zone = await ctx.services.zones.of(wish.organizationId, ctx.orgChain);
    const due = formatDateTime(wish.claimDueAt, zone);
    const detail = textReply(
      ctx.t("wishes.claimedPrivately", {
        summary: wish.summary,
        recipient: wish.recipient,
        due,
        code: wish.code,
      }),
      {
        visibility: "private",
        // A button keeps this a message of its own: a toast would vanish with the address in it.
        buttons: [[{ label: ctx.t("wishes.detailsButton"), command: "wish_info", args: [wish.code] }]],
      },
    );
    if (ctx.chat.kind !== "group") return detail;
    // The notice is for the whole chat: in its language, not the claimant's.
    return [
      textReply(ctx.groupT("wishes.claimedPublicly", { summary: wish.summary, name: member.name })),
      detail,
    ];
  },
});

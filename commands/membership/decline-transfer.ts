// /decline_transfer <transfer> [reason]: the receiving branch sends a transfer back; the member
// stays where they are, and the sending secretary and the member hear why.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";
import { codeArg } from "../../src/runtime/command-helpers.js";
import { notify } from "../../src/runtime/notify.js";

export const declineTransfer = defineCommand({
  name: "decline_transfer",
  aliases: ["退回转接"],
  role: "secretary",
  settlesPressed: true,
  args: z.tuple([codeArg]).rest(z.string()),
  async run(ctx) {
    const [transferCode, ...words] = ctx.args;
    const reason = words.join(" ").slice(0, 200) || null;
    const { transfer, member, from, to } = await ctx.services.transfers.decline(
      ctx.personId,
      transferCode,
      reason,
      ctx.now,
    );
    await notify(
      ctx,
      [member.personId, transfer.requestedById],
      (t) =>
        textReply(
          t("notices.transferDeclined", {
            name: member.name,
            from: from.name,
            to: to.name,
            reason: reason ? t("notices.reason", { reason }) : "",
          }),
        ),
      `transfer-declined:${transfer.code}`,
    );
    return textReply(ctx.t("members.transferDeclined", { name: member.name, from: from.name }));
  },
});

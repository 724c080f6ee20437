// /accept_transfer <transfer> (the 接收 button): the receiving branch confirms a transfer; the
// member moves, and the member and the sending secretary are told.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";
import { codeArg } from "../../src/runtime/command-helpers.js";
import { notify } from "../../src/runtime/notify.js";

export const acceptTransfer = defineCommand({
  name: "accept_transfer",
  aliases: ["接收转接"],
  role: "secretary",
  settlesPressed: true,
  args: z.tuple([codeArg]),
  async run(ctx) {
    const { transfer, member, from, to } = await ctx.services.transfers.accept(
      ctx.personId,
      ctx.args[0],
      ctx.now,
    );
    await notify(
      ctx,
      [member.personId],
      (t) => textReply(t("notices.transferDone", { from: from.name, to: to.name })),
      `transfer-accepted:${transfer.code}`,
    );
    await notify(
      ctx,
      [transfer.requestedById],
      (t) => textReply(t("notices.transferAccepted", { name: member.name, to: to.name })),
      `transfer-accepted-sender:${transfer.code}`,
    );
    return textReply(ctx.t("members.transferAccepted", { name: member.name, from: from.name }));
  },
});

// /transfer <member code> <branch code|out>: send a member's organisational relationship to another
// branch (组织关系转接) — the receiving branch confirms, and until then the member stays here — or
// record that they transferred out of this system.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";
import { codeArg } from "../../src/runtime/command-helpers.js";
import { deciders, notify } from "../../src/runtime/notify.js";

const target = z.union([z.enum(["out", "转出"]).transform(() => "out" as const), codeArg]);

export const transfer = defineCommand({
  name: "transfer",
  aliases: ["转接", "转出"],
  role: "secretary",
  args: z.tuple([codeArg, target]),
  async run(ctx) {
    const [memberCode, to] = ctx.args;
    const destination = to === "out" ? "out" : await ctx.services.orgs.requireByCode(to);
    const result = await ctx.services.transfers.send(ctx.personId, memberCode, destination, ctx.now);
    if (result.kind === "out")
      return textReply(ctx.t("members.transferredOut", { name: result.member.name }));
    const { from } = result;
    if (result.kind === "moved") {
      await notify(
        ctx,
        [result.member.personId],
        (t) => textReply(t("notices.transferDone", { from: from?.name ?? "", to: result.to.name })),
        `transfer-moved:${result.member.id}:${ctx.now.getTime()}`,
      );
      return textReply(ctx.t("members.transferred", { name: result.member.name, to: result.to.name }));
    }
    const { code } = result.transfer;
    await notify(
      ctx,
      await deciders(ctx, [result.to.id], ["secretary"]),
      (t) =>
        textReply(
          t("notices.transferRequested", {
            name: result.member.name,
            from: from?.name ?? "",
            to: result.to.name,
            code,
          }),
          {
            buttons: [
              [
                { label: t("members.acceptTransfer"), command: "accept_transfer", args: [code] },
                { label: t("members.declineTransfer"), command: "decline_transfer", args: [code] },
              ],
            ],
          },
        ),
      `transfer-requested:${code}`,
    );
    await notify(
      ctx,
      [result.member.personId],
      (t) => textReply(t("notices.transferSent", { from: from?.name ?? "", to: result.to.name })),
      `transfer-sent:${code}`,
    );
    return textReply(ctx.t("members.transferSent", { name: result.member.name, to: result.to.name, code }));
  },
});

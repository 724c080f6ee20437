// /register <community code>: 在职党员到社区报到 — a request the community's secretary approves.
// The member stays in their own branch; once approved they also appear in the community's roster
// and take part in its work.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";
import { codeArg } from "../../src/runtime/command-helpers.js";
import { decidersOrAbove, notify } from "../../src/runtime/notify.js";

export const register = defineCommand({
  name: "register",
  aliases: ["报到", "社区报到"],
  role: "anyone",
  args: z.tuple([codeArg]),
  async run(ctx) {
    const community = await ctx.services.orgs.requireByCode(ctx.args[0]);
    const { member, registration } = await ctx.services.registrations.request(
      ctx.personId,
      community,
      ctx.now,
    );
    const code = registration.code ?? "";
    const branch = await ctx.services.orgs.findById(member.organizationId);
    // The community's secretaries (or, with none yet, the organisations above) decide.
    await notify(
      ctx,
      await decidersOrAbove(ctx, community.id),
      (t) =>
        textReply(
          t("notices.registrationRequested", {
            name: member.name,
            branch: branch?.name ?? "",
            community: community.name,
            code,
          }),
          {
            buttons: [
              [
                { label: t("members.approveRegistration"), command: "approve_register", args: [code] },
                { label: t("members.rejectButton"), command: "reject_register", args: [code] },
              ],
            ],
          },
        ),
      `registration-requested:${code}`,
    );
    return textReply(ctx.t("members.registrationRequested", { community: community.name, code }), {
      visibility: "private",
    });
  },
});

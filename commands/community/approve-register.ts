// /approve_register <request> (the 同意 button): the community accepts an in-service member's
// registration; from now on they take part in its work. The member is told.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";
import { codeArg } from "../../src/runtime/command-helpers.js";
import { notify } from "../../src/runtime/notify.js";

export const approveRegister = defineCommand({
  name: "approve_register",
  aliases: ["同意报到", "报到通过"],
  role: "secretary",
  settlesPressed: true,
  args: z.tuple([codeArg]),
  async run(ctx) {
    const { member, community, code } = await ctx.services.registrations.approve(
      ctx.personId,
      ctx.args[0],
      ctx.now,
    );
    await notify(
      ctx,
      [member.personId],
      (t) => textReply(t("notices.registrationApproved", { community: community.name })),
      `registration-approved:${code}`,
    );
    return textReply(ctx.t("members.registrationApproved", { name: member.name, community: community.name }));
  },
});

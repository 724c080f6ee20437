// /reject_register <request> [reason]: the community turns a registration down; the member is
// told why and may ask again.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";
import { codeArg } from "../../src/runtime/command-helpers.js";
import { notify } from "../../src/runtime/notify.js";

export const rejectRegister = defineCommand({
  name: "reject_register",
  aliases: ["拒绝报到"],
  role: "secretary",
  settlesPressed: true,
  args: z.tuple([codeArg]).rest(z.string()),
  async run(ctx) {
    const [requestCode, ...words] = ctx.args;
    const reason = words.join(" ").slice(0, 200) || null;
    const { member, community, code } = await ctx.services.registrations.reject(
      ctx.personId,
      requestCode,
      reason,
      ctx.now,
    );
    await notify(
      ctx,
      [member.personId],
      (t) =>
        textReply(
          t("notices.registrationRejected", {
            community: community.name,
            reason: reason ? t("notices.reason", { reason }) : "",
          }),
        ),
      `registration-rejected:${code}`,
    );
    return textReply(ctx.t("members.registrationRejected", { name: member.name, community: community.name }));
  },
});

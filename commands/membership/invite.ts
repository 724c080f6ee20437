// /invite [uses] [days]: an invitation code for this branch or party group.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";
import { formatDateTime, requireOrg } from "../../src/runtime/command-helpers.js";

const uses = z.coerce.number().int().min(1).max(500);
const days = z.coerce.number().int().min(1).max(90);

export const invite = defineCommand({
  name: "invite",
  aliases: ["邀请码", "邀请"],
  role: "secretary",
  args: z.union([z.tuple([]), z.tuple([uses]), z.tuple([uses, days])]),
  async run(ctx) {
    const [maxUses = 30, validDays = 7] = ctx.args;
    const org = requireOrg(ctx);
    const created = await ctx.services.membership.createInvite(
      ctx.personId,
      org,
      { maxUses, days: validDays },
      ctx.now,
    );
    const text = ctx.t("members.inviteCreated", {
      name: org.name,
      code: created.code,
      uses: created.maxUses,
      until: formatDateTime(created.expiresAt, ctx.zone),
    });
    const link = ctx.links?.privateChat("join", [created.code]);
    return textReply(link ? `${text}\n${ctx.t("members.inviteLink", { link })}` : text);
  },
});

// /profile: the person's own record. Sent privately: it carries the phone number.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";

export const profile = defineCommand({
  name: "profile",
  aliases: ["我的信息", "me"],
  role: "anyone",
  args: z.tuple([]),
  async run(ctx) {
    const records = await ctx.services.membership.profile(ctx.personId);
    const assignments = await ctx.services.access.assignmentsOf(ctx.personId);
    if (records.length === 0 && assignments.length === 0)
      return textReply(ctx.t("profile.none"), { visibility: "private" });
    const lines = records.map(({ member, branch, group, registrations }) =>
      ctx.t("profile.member", {
        name: member.name,
        code: member.code,
        status: ctx.t(`memberStatus.${member.status}`),
        branch: branch?.name ?? "",
        group: group?.name ?? ctx.t("profile.noGroup"),
        joined: member.joinedPartyOn ?? ctx.t("profile.unknown"),
        phone: member.phone ?? ctx.t("profile.unknown"),
        registered:
          registrations
            .map((r) =>
              r.status === "pending"
                ? `${r.organization.name}${ctx.t("profile.pending")}`
                : r.organization.name,
            )
            .join("、") || ctx.t("profile.none2"),
      }),
    );
    const roleNames = await Promise.all(
      assignments.map(async (a) => {
        const org = a.organizationId ? await ctx.services.orgs.findById(a.organizationId) : null;
        return `${ctx.t(`roles.${a.role}`)}${ctx.t("punctuation.paren", { text: org?.name ?? ctx.t("profile.installation") })}`;
      }),
    );
    if (roleNames.length > 0) lines.push(ctx.t("profile.roles", { roles: roleNames.join("、") }));
    return textReply(lines.join("\n\n"), { visibility: "private" });
  },
});

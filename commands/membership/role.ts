// /role grant|revoke <member code> <role> [organisation code]: appoint or relieve a secretary,
// deputy, committee member, party group leader or administrator.
import { z } from "zod";
import { GRANTABLE_ROLES, parseRole } from "../../src/access/role-words.js";
import { DomainError } from "../../src/core/domain-error.js";
import { textReply } from "../../src/core/reply.js";
import type { OrgRecord } from "../../src/organization/organization-repository.js";
import { defineCommand, type PersonContext } from "../../src/runtime/command.js";
import { codeArg } from "../../src/runtime/command-helpers.js";
import { notify } from "../../src/runtime/notify.js";

const action = z
  .string()
  .transform(
    (w) =>
      ({ grant: "grant", 授予: "grant", 任命: "grant", revoke: "revoke", 撤销: "revoke", 免去: "revoke" })[
        w.toLowerCase()
      ],
  )
  .pipe(z.enum(["grant", "revoke"]));
const roleArg = z
  .string()
  .transform((w) => parseRole(w))
  .pipe(z.enum(GRANTABLE_ROLES));

export const role = defineCommand({
  name: "role",
  aliases: ["角色"],
  role: "secretary",
  args: z.union([z.tuple([action, codeArg, roleArg]), z.tuple([action, codeArg, roleArg, codeArg])]),
  async run(ctx) {
    const [verb, memberCode, roleName, orgCode] = ctx.args;
    const member = await ctx.services.membership.requireMember(ctx.personId, memberCode);
    if (!member.personId) throw new DomainError("roleChanges.notLinked", { name: member.name });
    const orgId = orgCode ?? null;
    const org = orgId
      ? await ctx.services.orgs.requireByCode(orgId)
      : roleName === "group_leader" && member.groupId
        ? await ctx.services.orgs.findById(member.groupId)
        : await ctx.services.orgs.findById(member.organizationId);
    if (!org) throw new DomainError("roleChanges.leaderNeedsGroup");
    const target = { personId: member.personId, org };
    const changed =
      verb === "grant"
        ? await ctx.services.access.grant(ctx.personId, target, roleName)
        : await ctx.services.access.revoke(ctx.personId, target, roleName);
    const key =
      verb === "grant"
        ? changed
          ? "roleChanges.granted"
          : "roleChanges.alreadyHeld"
        : changed
          ? "roleChanges.revoked"
          : "roleChanges.notHeld";
    if (verb === "grant" && changed && roleName === "secretary")
      await tellWhatWaits(ctx, member.personId, org);
    return textReply(ctx.t(key, { name: member.name, role: ctx.t(`roles.${roleName}`), org: org.name }));
  },
});

/** The newly appointed secretary hears it, with what already waits for them to decide. */
async function tellWhatWaits(ctx: PersonContext<unknown>, personId: string, org: OrgRecord): Promise<void> {
  const requests = (await ctx.services.membership.pendingRequests(personId, org)).length;
  const leaves = (await ctx.services.meetings.attendance.pendingLeaves(personId, org)).length;
  await notify(
    ctx,
    [personId],
    (t) => {
      const appointed = t("roleChanges.appointed", { role: t("roles.secretary"), org: org.name });
      const waiting =
        requests + leaves > 0
          ? t("roleChanges.waiting", { requests, leaves })
          : t("roleChanges.nothingWaits");
      return textReply(`${appointed}\n${waiting}`);
    },
    `appointed:${org.id}:${personId}:${ctx.now.getTime()}`,
  );
}

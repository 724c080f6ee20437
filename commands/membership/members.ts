// /members: the roster with each member's status (正式/预备) and group. Phone numbers never
// appear in a group chat; a secretary sees them masked in private.
import { z } from "zod";
import { bold, plain, type Segment } from "../../src/core/reply.js";
import { mayRun } from "../../src/core/roles.js";
import { maskPhone } from "../../src/membership/phone.js";
import { defineCommand } from "../../src/runtime/command.js";
import { requireOrg } from "../../src/runtime/command-helpers.js";

export const members = defineCommand({
  name: "members",
  aliases: ["党员", "名单", "roster"],
  role: "member",
  args: z.tuple([]),
  async run(ctx) {
    const org = requireOrg(ctx);
    const { members: list, groups, registered } = await ctx.services.membership.roster(ctx.personId, org);
    const showPhones = ctx.chat.kind === "private" && mayRun("secretary", ctx.actor.roles);
    const probationary = list.filter((m) => m.status === "probationary").length;
    const segments: Segment[] = [
      bold(ctx.t("members.rosterTitle", { name: org.name })),
      plain(
        `\n${ctx.t("members.rosterCounts", { total: list.length, full: list.length - probationary, probationary })}`,
      ),
    ];
    for (const m of list) {
      const group = m.groupId ? (groups.get(m.groupId) ?? "") : "";
      const phone = showPhones && m.phone ? ` ${maskPhone(m.phone)}` : "";
      segments.push(
        plain(
          `\n${m.name}（${ctx.t(`memberStatus.${m.status}`)}${group ? `，${group}` : ""}）${m.code}${phone}`,
        ),
      );
    }
    // The secretary learns here, once and without being pinged, who cannot get private reminders.
    if (mayRun("secretary", ctx.actor.roles)) {
      const ids = list.flatMap((m) => (m.personId ? [m.personId] : []));
      const unreachable = await ctx.services.identity.unreachable(ids);
      const names = list.filter((m) => m.personId && unreachable.has(m.personId)).map((m) => m.name);
      if (names.length > 0)
        segments.push(
          plain(`\n\n${ctx.t("members.unreachable", { count: names.length, names: names.join("、") })}`),
        );
    }
    if (registered.length > 0) {
      segments.push(plain("\n\n"), bold(ctx.t("members.registeredTitle", { count: registered.length })));
      for (const r of registered) segments.push(plain(`\n${r.member.name}（${r.member.organization.name}）`));
    }
    return { segments };
  },
});

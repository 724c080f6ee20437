// /approve <request> [正式|预备] [入党日期]: accept a join request; the person becomes a member.
// Without a status the roster's stands (a 预备党员 stays 预备: no vote, no quorum weight); a person
// not on the roster must be given one. A status typed that differs from the roster's is a status
// change: made, audited, and said in the confirmation.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { parsePartyDate, parseStatus } from "../../src/membership/roster-rules.js";
import { defineCommand } from "../../src/runtime/command.js";
import { codeArg } from "../../src/runtime/command-helpers.js";
import { notify } from "../../src/runtime/notify.js";

const status = z
  .string()
  .transform((s) => parseStatus(s))
  .pipe(z.enum(["full", "probationary"]));
const date = z
  .string()
  .transform((s) => parsePartyDate(s))
  .pipe(z.string());

export const approve = defineCommand({
  name: "approve",
  aliases: ["批准", "通过"],
  role: "secretary",
  settlesPressed: true,
  args: z.union([z.tuple([codeArg]), z.tuple([codeArg, status]), z.tuple([codeArg, status, date])]),
  async run(ctx) {
    const [code, memberStatus, joinedPartyOn = null] = ctx.args;
    const { member, statusWas } = await ctx.services.membership.approve(
      ctx.personId,
      code,
      { ...(memberStatus ? { status: memberStatus } : {}), joinedPartyOn },
      ctx.now,
    );
    const approved = ctx.t("members.approved", {
      name: member.name,
      code: member.code,
      status: ctx.t(`memberStatus.${member.status}`),
    });
    const changed = statusWas
      ? `\n${ctx.t("members.statusChanged", { from: ctx.t(`memberStatus.${statusWas}`), to: ctx.t(`memberStatus.${member.status}`) })}`
      : "";
    const org = await ctx.services.orgs.findById(member.organizationId);
    await notify(
      ctx,
      [member.personId],
      (t) =>
        textReply(
          t("notices.joinApproved", {
            org: org?.name ?? "",
            code: member.code,
            status: t(`memberStatus.${member.status}`),
          }),
        ),
      `join-approved:${code}`,
    );
    return textReply(`${approved}${changed}`);
  },
});

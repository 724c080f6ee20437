// /approve <request> [正式|预备] [入党日期]: accept a join request; the person becomes a member.
import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { codeArg, requirePerson } from "../src/core/command-helpers.js";
import { textReply } from "../src/core/reply.js";
import { parsePartyDate, parseStatus } from "../src/membership/roster-rules.js";

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
  args: z.union([z.tuple([codeArg]), z.tuple([codeArg, status]), z.tuple([codeArg, status, date])]),
  async run(ctx) {
    const [code, memberStatus = "full", joinedPartyOn = null] = ctx.args;
    const actorId = await requirePerson(ctx);
    const member = await ctx.services.membership.approve(
      actorId,
      code,
      { status: memberStatus, joinedPartyOn },
      ctx.now,
    );
    return textReply(
      ctx.t("members.approved", {
        name: member.name,
        code: member.code,
        status: ctx.t(`memberStatus.${member.status}`),
      }),
    );
  },
});

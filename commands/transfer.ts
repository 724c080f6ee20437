// /transfer <member code> <branch code|out>: move a member to another branch (组织关系转接), or
// record that they transferred out of this system.
import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { codeArg, requirePerson } from "../src/core/command-helpers.js";
import { textReply } from "../src/core/reply.js";

const target = z.union([z.enum(["out", "转出"]).transform(() => "out" as const), codeArg]);

export const transfer = defineCommand({
  name: "transfer",
  aliases: ["转接", "转出"],
  role: "secretary",
  args: z.tuple([codeArg, target]),
  async run(ctx) {
    const [memberCode, to] = ctx.args;
    const actorId = await requirePerson(ctx);
    const destination = to === "out" ? "out" : await ctx.services.orgs.requireByCode(to);
    const result = await ctx.services.membership.transfer(actorId, memberCode, destination, ctx.now);
    return textReply(
      result.to
        ? ctx.t("members.transferred", { name: result.member.name, to: result.to.name })
        : ctx.t("members.transferredOut", { name: result.member.name }),
    );
  },
});

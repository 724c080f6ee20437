// /join <invite code> <name>: ask to join a branch; the secretary approves or rejects.
import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { codeArg, nameArg, requirePerson } from "../src/core/command-helpers.js";
import { textReply } from "../src/core/reply.js";

export const join = defineCommand({
  name: "join",
  aliases: ["加入", "申请加入"],
  role: "anyone",
  args: z.tuple([codeArg, nameArg]),
  async run(ctx) {
    const [code, name] = ctx.args;
    const personId = await requirePerson(ctx);
    const { request, org } = await ctx.services.membership.join(personId, code, name, ctx.now);
    return textReply(ctx.t("members.joinRequested", { name: org.name, code: request.code }), {
      visibility: "private",
    });
  },
});

// /register <community code>: 在职党员到社区报到 — the member stays in their own branch and also
// appears in the community's roster.
import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { codeArg, requirePerson } from "../src/core/command-helpers.js";
import { textReply } from "../src/core/reply.js";

export const register = defineCommand({
  name: "register",
  aliases: ["报到", "社区报到"],
  role: "anyone",
  args: z.tuple([codeArg]),
  async run(ctx) {
    const personId = await requirePerson(ctx);
    const community = await ctx.services.orgs.requireByCode(ctx.args[0]);
    const member = await ctx.services.membership.registerAtCommunity(personId, community, ctx.now);
    return textReply(ctx.t("members.registered", { name: member.name, community: community.name }));
  },
});

// /use <code>: choose the organisation private-chat commands act on, for people in several.
import { z } from "zod";
import { Forbidden } from "../../src/core/domain-error.js";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";
import { codeArg } from "../../src/runtime/command-helpers.js";

export const use = defineCommand({
  name: "use",
  aliases: ["切换组织", "switch"],
  role: "anyone",
  args: z.tuple([codeArg]),
  async run(ctx) {
    const org = await ctx.services.orgs.requireByCode(ctx.args[0]);
    const roles = await ctx.services.access.rolesIn(ctx.personId, org.id);
    if (roles.length <= 1) throw new Forbidden();
    await ctx.services.identity.setCurrentOrganization(ctx.personId, org.id);
    return textReply(ctx.t("orgs.using", { name: org.name, code: org.code }));
  },
});

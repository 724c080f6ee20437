// /warnings: the branch's 黄橙红 absence warnings, privately to the secretary.
import { z } from "zod";
import { defineCommand } from "../../src/runtime/command.js";
import { requireOrg } from "../../src/runtime/command-helpers.js";
import { renderWarnings } from "../../src/warnings/warning-text.js";

export const warnings = defineCommand({
  name: "warnings",
  aliases: ["预警", "党员预警"],
  role: "secretary",
  args: z.tuple([]),
  async run(ctx) {
    const org = requireOrg(ctx);
    const list = await ctx.services.warnings.forActor(ctx.personId, org, ctx.now);
    return renderWarnings(org.name, list, ctx.t);
  },
});

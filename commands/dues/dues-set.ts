// /dues_set <党员编号|全体> <金额>: a member's (or everyone's) monthly dues, in yuan, from this month.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { memberOrAllArg, yuanArg } from "../../src/dues/dues-args.js";
import { fenToYuan } from "../../src/dues/dues-rules.js";
import { defineCommand } from "../../src/runtime/command.js";
import { requireOrg } from "../../src/runtime/command-helpers.js";

export const duesSet = defineCommand({
  name: "dues_set",
  aliases: ["党费标准"],
  role: "secretary",
  args: z.tuple([memberOrAllArg, yuanArg]),
  async run(ctx) {
    const [target, fen] = ctx.args;
    const org = requireOrg(ctx);
    const set = await ctx.services.dues.setRate(ctx.personId, org, target, fen, ctx.now, ctx.zone);
    return textReply(
      ctx.t("dues.rateSet", {
        count: set.length,
        names: set
          .map((m) => m.name)
          .slice(0, 10)
          .join("、"),
        amount: fenToYuan(fen),
      }),
      { visibility: "private" },
    );
  },
});

// /my_dues: my own dues — the monthly amount, months paid this year, months owed. Nobody else's.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { fenToYuan } from "../../src/dues/dues-rules.js";
import { defineCommand } from "../../src/runtime/command.js";

export const myDues = defineCommand({
  name: "my_dues",
  aliases: ["我的党费"],
  role: "anyone",
  args: z.tuple([]),
  async run(ctx) {
    const mine = await ctx.services.dues.mine(ctx.personId, ctx.now, ctx.zone);
    if (!mine) return textReply(ctx.t("dues.mineNoRate"), { visibility: "private" });
    const key = mine.arrears.length > 0 ? "dues.mineBehind" : "dues.mineUpToDate";
    return textReply(
      ctx.t(key, {
        amount: fenToYuan(mine.amountFen),
        paid: mine.paidThisYear,
        months: mine.arrears.length,
        list: mine.arrears.join("、"),
      }),
      { visibility: "private" },
    );
  },
});

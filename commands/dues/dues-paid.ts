// /dues_paid <党员编号…|会议编号> [YYYY-MM|本月|上月]: record a month of dues as paid — for the
// members named, or for everyone who checked in to a meeting (交纳党费 at the theme party day).
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { monthArg } from "../../src/dues/dues-args.js";
import { previousMonth } from "../../src/dues/dues-rules.js";
import { monthOf } from "../../src/dues/dues-service.js";
import { defineCommand } from "../../src/runtime/command.js";
import { codeArg, requireOrg } from "../../src/runtime/command-helpers.js";

export const duesPaid = defineCommand({
  name: "dues_paid",
  aliases: ["交党费", "党费已交"],
  role: "committee_member",
  args: z
    .array(z.union([monthArg, codeArg]))
    .min(1)
    .max(200),
  async run(ctx) {
    const org = requireOrg(ctx);
    const months = ctx.args.filter((a) => monthArg.safeParse(a).success);
    const codes = ctx.args.filter((a) => !monthArg.safeParse(a).success);
    const thisMonth = monthOf(ctx.now, ctx.zone);
    // Several months may be paid at once (a quarter in advance, or arrears).
    const chosen = [...new Set(months.length > 0 ? months : ["本月"])]
      .map((word) =>
        word === "本月" || word === "this"
          ? thisMonth
          : word === "上月" || word === "last"
            ? previousMonth(thisMonth)
            : word,
      )
      .sort();
    if (codes.length === 0 || chosen.some((m) => m > thisMonth))
      return textReply(ctx.t("router.badArguments", { usage: ctx.t("commands.dues_paid.usage") }));
    const names = (list: { name: string }[]) => list.map((m) => m.name).join("、");
    const lines: string[] = [];
    for (const month of chosen) {
      const r = await ctx.services.dues.recordPaid(ctx.personId, org, codes, month, ctx.now);
      lines.push(
        ctx.t("dues.recorded", { month, count: r.recorded.length, names: names(r.recorded) || "—" }),
      );
      if (r.already.length > 0) lines.push(ctx.t("dues.already", { names: names(r.already) }));
      if (r.noRate.length > 0) lines.push(ctx.t("dues.noRate", { names: names(r.noRate) }));
    }
    return textReply(lines.join("\n"), { visibility: "private" });
  },
});

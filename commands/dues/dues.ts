// /dues: who is behind with their dues, for the secretary and the dues officer, privately.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { fenToYuan } from "../../src/dues/dues-rules.js";
import { defineCommand } from "../../src/runtime/command.js";
import { requireOrg } from "../../src/runtime/command-helpers.js";

export const dues = defineCommand({
  name: "dues",
  aliases: ["党费"],
  role: "committee_member",
  args: z.tuple([]),
  async run(ctx) {
    const org = requireOrg(ctx);
    const list = await ctx.services.dues.forSecretary(ctx.personId, org, ctx.now, ctx.zone);
    const behind = list.filter((s) => s.arrears.length > 0);
    if (list.length === 0) return textReply(ctx.t("dues.noRates"), { visibility: "private" });
    if (behind.length === 0)
      return textReply(ctx.t("dues.allPaid", { name: org.name }), { visibility: "private" });
    const lines = behind.map((s) =>
      ctx.t("dues.behindLine", {
        name: s.name,
        months: s.arrears.length,
        list: s.arrears.slice(-6).join("、"),
        owed: fenToYuan(s.arrears.length * s.amountFen),
      }),
    );
    return textReply(`${ctx.t("dues.behindTitle", { name: org.name })}\n${lines.join("\n")}`, {
      visibility: "private",
    });
  },
});

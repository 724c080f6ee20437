// /eval_items: the committee's scoring sheet — items, weights and how each is measured.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";
import { requireOrg } from "../../src/runtime/command-helpers.js";

export const evalItems = defineCommand({
  name: "eval_items",
  aliases: ["考评项目"],
  role: "committee_member",
  args: z.tuple([]),
  async run(ctx) {
    const org = requireOrg(ctx);
    const sheet = await ctx.services.evaluation.sheet(org);
    const lines = sheet.map((i) =>
      ctx.t("evaluation.itemLine", {
        key: i.key,
        label: i.label,
        weight: i.weight,
        measure: ctx.t(`evaluation.measures.${i.measure}`),
      }),
    );
    return textReply(`${ctx.t("evaluation.sheetTitle", { name: org.name })}\n${lines.join("\n")}`, {
      visibility: "private",
    });
  },
});

// /eval_item <key> <measure> <weight> <名称…>: add or change an item of the committee's scoring
// sheet (weight 0 leaves it out). Measures: 会议 出勤 党费 记录 志愿, or 评分 (scored by hand).
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { itemKeyArg, measureArg } from "../../src/evaluation/evaluation-args.js";
import { defineCommand } from "../../src/runtime/command.js";
import { requireOrg } from "../../src/runtime/command-helpers.js";

export const evalItem = defineCommand({
  name: "eval_item",
  aliases: ["考评项"],
  role: "secretary",
  args: z
    .tuple([itemKeyArg, measureArg, z.coerce.number().int().min(0).max(100), z.string()])
    .rest(z.string()),
  async run(ctx) {
    const [key, measure, weight, ...label] = ctx.args;
    const org = requireOrg(ctx);
    const item = { key, measure, weight, label: label.join(" ").trim().slice(0, 40) };
    const sheet = await ctx.services.evaluation.setItem(ctx.personId, org, item, ctx.now);
    const total = sheet.reduce((n, i) => n + i.weight, 0);
    return textReply(ctx.t("evaluation.itemSaved", { label: item.label, weight, total }), {
      visibility: "private",
    });
  },
});

// /pipeline: everyone in the 发展党员 pipeline of the branch — or of every branch below a
// committee — with their stage, next step and what is due, overdue first. For the 支委, privately.
// /pipeline 导出: the 发展党员工作台账 as an Excel workbook, in the secretary's private chat.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { localDay } from "../../src/development/development-rules.js";
import { pipelineLineText } from "../../src/development/development-text.js";
import { defineCommand } from "../../src/runtime/command.js";
import { requireOrg } from "../../src/runtime/command-helpers.js";

export const pipeline = defineCommand({
  name: "pipeline",
  aliases: ["发展进度", "发展党员进度"],
  role: "committee_member",
  args: z.union([z.tuple([]), z.tuple([z.enum(["导出", "export"])])]),
  writes: "none",
  async run(ctx) {
    const org = requireOrg(ctx);
    if (ctx.args.length === 1) {
      const sheet = await ctx.services.developmentFiles.exportPipeline(ctx.personId, org, ctx.t, ctx.now);
      return textReply(ctx.t("development.pipelineExported", { name: org.name, count: sheet.count }), {
        visibility: "private",
        attachment: { kind: "file", filename: sheet.filename, path: sheet.path },
      });
    }
    const lines = await ctx.services.developmentFiles.pipeline(ctx.personId, org);
    if (lines.length === 0)
      return textReply(ctx.t("development.pipelineNone", { name: org.name }), { visibility: "private" });
    const today = localDay(ctx.now, ctx.zone);
    const counts = { applicant: 0, activist: 0, candidate: 0, probationary: 0 } as Record<string, number>;
    for (const line of lines) counts[line.file.stage] = (counts[line.file.stage] ?? 0) + 1;
    const text = [
      ctx.t("development.pipelineTitle", { name: org.name, count: lines.length }),
      ctx.t("development.pipelineCounts", counts),
      ...lines.map((line) => pipelineLineText(line, today, ctx.t, org.kind !== "branch")),
    ];
    return textReply(text.join("\n"), { visibility: "private" });
  },
});

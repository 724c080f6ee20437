// /export [月|季|年] [csv]: the branch's 台账 for this month, quarter (default) or year, as an Excel
// workbook (or the meeting ledger as CSV), sent privately to the secretary, never to the group.
// In a committee: every branch below it (a compliance summary and all their meetings).
import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { requireOrg, requirePerson } from "../src/core/command-helpers.js";
import { textReply } from "../src/core/reply.js";
import { periodArg } from "../src/meetings/period-arg.js";

const period = periodArg(["month", "quarter", "year"]);
const format = z.enum(["xlsx", "csv", "excel"]).transform((f) => (f === "csv" ? "csv" : "xlsx"));

export const exportLedger = defineCommand({
  name: "export",
  aliases: ["导出", "导出台账"],
  role: "secretary",
  args: z.union([z.tuple([]), z.tuple([period]), z.tuple([period, format])]),
  async run(ctx) {
    const [kind = "quarter", fmt = "xlsx" as const] = ctx.args;
    const org = requireOrg(ctx);
    const personId = await requirePerson(ctx);
    const opts = { period: kind, format: fmt as "xlsx" | "csv", t: ctx.t };
    if (org.kind === "committee") {
      // A committee's secretary or administrator gets every branch below it in one file.
      const file = await ctx.services.exports.committeeLedger(personId, org, opts, ctx.now);
      const text = ctx.t("exports.committeeReady", {
        name: org.name,
        period: file.periodLabel,
        count: file.branches,
      });
      return textReply(text, {
        visibility: "private",
        attachment: { kind: "file", filename: file.filename, path: file.path },
      });
    }
    const file = await ctx.services.exports.branchLedger(personId, org, opts, ctx.now);
    return textReply(ctx.t("exports.ready", { name: org.name, period: file.periodLabel }), {
      visibility: "private",
      attachment: { kind: "file", filename: file.filename, path: file.path },
    });
  },
});

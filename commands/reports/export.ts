// /export [月|季|年] [上期|2027-Q1|2027-03] [csv]: the branch's 台账 for a period (default: this
// quarter; the same period words as /obligations, so a quarter just ended can still be had), as an Excel
// workbook (or the meeting ledger as CSV), sent privately to the secretary, never to the group.
// In a committee: every branch below it (a compliance summary and all their meetings).
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { parsePeriodSpec } from "../../src/meetings/period-spec.js";
import { defineCommand } from "../../src/runtime/command.js";
import { requireOrg } from "../../src/runtime/command-helpers.js";

const FORMATS: Record<string, "xlsx" | "csv"> = { xlsx: "xlsx", excel: "xlsx", csv: "csv" };

/** The period words, then an optional format. */
const args = z.array(z.string()).transform((words, ctx) => {
  const last = words.at(-1)?.toLowerCase() ?? "";
  const format = FORMATS[last];
  const spec = parsePeriodSpec(format ? words.slice(0, -1) : words, "quarter");
  if (!spec || spec.kind === "half_year") {
    ctx.addIssue({ code: "custom", message: "period" });
    return z.NEVER;
  }
  return { spec, format: format ?? "xlsx" };
});

export const exportLedger = defineCommand({
  name: "export",
  aliases: ["导出", "导出台账"],
  role: "secretary",
  // Reads only: a year's 台账 of a large branch is tens of thousands of rows.
  writes: "none",
  args,
  async run(ctx) {
    const org = requireOrg(ctx);
    const opts = { period: ctx.args.spec, format: ctx.args.format, t: ctx.t };
    if (org.kind === "committee") {
      // A committee's secretary or administrator gets every branch below it in one file.
      const file = await ctx.services.exports.committeeLedger(ctx.personId, org, opts, ctx.now);
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
    const file = await ctx.services.exports.branchLedger(ctx.personId, org, opts, ctx.now);
    return textReply(ctx.t("exports.ready", { name: org.name, period: file.periodLabel }), {
      visibility: "private",
      attachment: { kind: "file", filename: file.filename, path: file.path },
    });
  },
});

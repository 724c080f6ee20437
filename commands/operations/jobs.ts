// /jobs: every scheduled job with its cron, next run and last result (administrators).
import { z } from "zod";
import { jobs as allJobs } from "../../jobs/index.js";
import type { Translate } from "../../src/core/i18n.js";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";
import { formatDateTime } from "../../src/runtime/command-helpers.js";
import { describeJobs } from "../../src/scheduler/job-catalogue.js";
import { jobName, jobResultText } from "../../src/scheduler/job-text.js";

export const jobsCommand = defineCommand({
  name: "jobs",
  aliases: ["定时任务"],
  role: "org_admin",
  args: z.tuple([]),
  async run(ctx) {
    const lines = [];
    for (const job of await describeJobs(allJobs, ctx.zone)) {
      const last = await ctx.services.jobRuns.latest(job.id);
      lines.push(
        ctx.t("jobs.line", {
          id: jobName(job.id, ctx.t),
          cron: job.cron,
          next: job.next ? formatDateTime(job.next, ctx.zone) : "—",
          last: last
            ? `${formatDateTime(last.slot, ctx.zone)} ${runState(last, ctx.zone, ctx.t)}${last.result ? ` ${jobResultText(last.result, ctx.t)}` : ""}`
            : ctx.t("jobs.never"),
        }),
      );
    }
    return textReply(`${ctx.t("jobs.title")}\n${lines.join("\n")}`, { visibility: "private" });
  },
});

/** A run's state with what a person needs to know of it: why skipped, how often tried, when next. */
function runState(
  run: { status: string; reason: string | null; attempts: number; retryAt: Date | null },
  zone: string,
  t: Translate,
): string {
  const details = [
    run.reason ? t(`jobs.reasons.${run.reason}`) : "",
    run.status === "failed" || run.status === "retrying" ? t("jobs.attempts", { count: run.attempts }) : "",
    run.retryAt ? t("jobs.retryAt", { at: formatDateTime(run.retryAt, zone) }) : "",
  ].filter(Boolean);
  return `${t(`jobs.status.${run.status}`)}${details.length > 0 ? `（${details.join("，")}）` : ""}`;
}

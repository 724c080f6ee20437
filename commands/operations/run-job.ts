// /run_job <id>: run a scheduled job now (administrators). Its messages carry the same dedupe
// keys as the scheduled runs, so running it now never doubles what was already sent.
import { z } from "zod";
import { jobs as allJobs } from "../../jobs/index.js";
import { DomainError } from "../../src/core/domain-error.js";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";
import { jobName, jobResultText } from "../../src/scheduler/job-text.js";

export const runJob = defineCommand({
  name: "run_job",
  aliases: ["运行任务"],
  role: "org_admin",
  args: z.tuple([z.string().max(60)]),
  async run(ctx) {
    // By its code or its name in either language.
    const word = ctx.args[0];
    const names = (id: string) => [
      id,
      jobName(id, ctx.translatorFor("zh-CN")),
      jobName(id, ctx.translatorFor("en")),
    ];
    const job = allJobs.find((j) => names(j.id).includes(word));
    if (!job)
      throw new DomainError("jobs.unknown", {
        id: word,
        ids: allJobs.map((j) => jobName(j.id, ctx.t)).join("、"),
      });
    // Run by hand: it covers what it would cover on schedule after its last completed run.
    const since =
      (await ctx.services.jobRuns.previousDone(job.id, ctx.now)) ??
      new Date(ctx.now.getTime() - job.catchUpMs);
    const result = await job.run({
      slot: ctx.now,
      since,
      now: ctx.now,
      services: ctx.services,
      t: ctx.groupT,
      timeZone: ctx.services.zones.installation,
    });
    return textReply(
      ctx.t("jobs.ran", { id: jobName(job.id, ctx.t), result: jobResultText(result, ctx.t) }),
      {
        visibility: "private",
      },
    );
  },
});

// /run_job <id>: run a scheduled job now (administrators). Its messages carry the same dedupe
// keys as the scheduled runs, so running it now never doubles what was already sent.
import { z } from "zod";
import { jobs as allJobs } from "../jobs/index.js";
import { defineCommand } from "../src/core/command.js";
import { DomainError } from "../src/core/domain-error.js";
import { textReply } from "../src/core/reply.js";

export const runJob = defineCommand({
  name: "run_job",
  aliases: ["运行任务"],
  role: "org_admin",
  args: z.tuple([z.string().max(60)]),
  async run(ctx) {
    const job = allJobs.find((j) => j.id === ctx.args[0]);
    if (!job)
      throw new DomainError("jobs.unknown", { id: ctx.args[0], ids: allJobs.map((j) => j.id).join(", ") });
    const result = await job.run({
      slot: ctx.now,
      now: ctx.now,
      services: ctx.services,
      t: ctx.groupT,
      timeZone: ctx.services.orgs.defaultZone,
    });
    return textReply(ctx.t("jobs.ran", { id: job.id, result: JSON.stringify(result) }), {
      visibility: "private",
    });
  },
});

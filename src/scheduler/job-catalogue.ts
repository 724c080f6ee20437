// The scheduled jobs as the admin commands see them: id, effective cron, next run, last run.
import cron from "node-cron";
import { cronVariable, type JobDefinition } from "./job.js";

export interface JobInfo {
  id: string;
  cron: string;
  next: Date | null;
}

export async function describeJobs(
  jobs: readonly JobDefinition[],
  timeZone: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<JobInfo[]> {
  const result: JobInfo[] = [];
  for (const job of jobs) {
    const expression = env[cronVariable(job.id)]?.trim() || job.cron;
    const matcher = cron.createTask(expression, () => undefined, { timezone: timeZone });
    result.push({ id: job.id, cron: expression, next: matcher.getNextRuns(1)[0] ?? null });
    await matcher.destroy();
  }
  return result;
}

// The jobs' cron expressions, each overridable by JOB_<ID>_CRON, checked before anything starts:
// an invalid override ends start-up with a message naming the variable.
import cron from "node-cron";
import { cronVariable, type JobDefinition } from "./job.js";

export class InvalidCronError extends Error {
  override name = "InvalidCronError";
}

/**
 * Each job's cron expression, its JOB_<ID>_CRON override when set; an invalid one fails start-up
 * (before anything is opened), naming the variable.
 */
export function checkCronOverrides(jobs: readonly JobDefinition[], env: NodeJS.ProcessEnv): string[] {
  return jobs.map((def) => {
    const variable = cronVariable(def.id);
    const expression = env[variable]?.trim() || def.cron;
    if (!cron.validate(expression))
      throw new InvalidCronError(
        `${variable}：“${expression}” 不是有效的 cron 表达式。 / ${variable}: "${expression}" is not a valid cron expression`,
      );
    return expression;
  });
}

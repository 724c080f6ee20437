// Persistence of job runs: the claim of a slot, its outcome, and what ran last.
import type { Tx } from "../db/database.js";
import { isUniqueViolation } from "../db/database.js";

export class JobRunRepository {
  constructor(private readonly db: Tx) {}

  /** True when this instance won the slot; false when another already has it. */
  async claim(jobId: string, slot: Date, claimedBy: string, now: Date, status = "running"): Promise<boolean> {
    try {
      await this.db.jobRun.create({ data: { jobId, slot, status, claimedBy, startedAt: now } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async finish(
    jobId: string,
    slot: Date,
    outcome: { status: "done" | "failed"; result?: unknown; error?: string },
    now: Date,
  ) {
    await this.db.jobRun.update({
      where: { jobId_slot: { jobId, slot } },
      data: {
        status: outcome.status,
        finishedAt: now,
        result: outcome.result === undefined ? null : JSON.stringify(outcome.result),
        error: outcome.error?.slice(0, 1000) ?? null,
      },
    });
  }

  latest(jobId: string) {
    return this.db.jobRun.findFirst({ where: { jobId }, orderBy: { slot: "desc" } });
  }

  count(jobId: string, status?: string) {
    return this.db.jobRun.count({ where: { jobId, ...(status ? { status } : {}) } });
  }
}

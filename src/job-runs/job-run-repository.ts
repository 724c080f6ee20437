// Persistence of job runs: the claim of a slot with its lease, its outcome, takeovers of runs
// whose instance died, retries of failed runs, and when the installation began.
import { isUniqueViolation, type Prisma, type Tx } from "../db/database.js";

/** How long a claim holds without being renewed (JOB_LEASE_MS); a running instance renews it well before. */
export const LEASE_MS = 2 * 60_000;

export type JobRunRecord = Prisma.JobRunGetPayload<object>;

export class JobRunRepository {
  constructor(private readonly db: Tx) {}

  /** True when this instance won the slot; false when another already has it. */
  async claim(
    jobId: string,
    slot: Date,
    claimedBy: string,
    now: Date,
    status = "running",
    leaseMs = LEASE_MS,
  ): Promise<boolean> {
    try {
      await this.db.jobRun.create({
        data: {
          jobId,
          slot,
          status,
          claimedBy,
          startedAt: now,
          ...(status === "running" ? { leaseUntil: new Date(now.getTime() + leaseMs) } : {}),
        },
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Records a slot that will not run, with why; false when it was already recorded. */
  async skip(jobId: string, slot: Date, claimedBy: string, now: Date, reason: string): Promise<boolean> {
    try {
      await this.db.jobRun.create({
        data: { jobId, slot, status: "skipped", claimedBy, startedAt: now, finishedAt: now, reason },
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Renews this instance's claim while it works; false when the run is no longer its own. */
  async renew(jobId: string, slot: Date, claimedBy: string, now: Date, leaseMs = LEASE_MS): Promise<boolean> {
    const { count } = await this.db.jobRun.updateMany({
      where: { jobId, slot, claimedBy, status: "running" },
      data: { leaseUntil: new Date(now.getTime() + leaseMs) },
    });
    return count === 1;
  }

  /**
   * Takes over a run whose instance died (its lease expired) or whose retry is due. Only one
   * instance's update matches: the others see the new lease.
   */
  async takeOver(
    jobId: string,
    slot: Date,
    claimedBy: string,
    now: Date,
    leaseMs = LEASE_MS,
  ): Promise<boolean> {
    const { count } = await this.db.jobRun.updateMany({
      where: {
        jobId,
        slot,
        OR: [
          { status: "running", OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
          { status: "retrying", retryAt: { lte: now } },
        ],
      },
      data: {
        status: "running",
        claimedBy,
        startedAt: now,
        leaseUntil: new Date(now.getTime() + leaseMs),
        retryAt: null,
        attempts: { increment: 1 },
      },
    });
    return count === 1;
  }

  /** Runs another instance may take over now: lease expired, or retry due. */
  recoverable(now: Date): Promise<JobRunRecord[]> {
    return this.db.jobRun.findMany({
      where: {
        OR: [
          { status: "running", OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
          { status: "retrying", retryAt: { lte: now } },
        ],
      },
      orderBy: { slot: "asc" },
    });
  }

  async finish(
    jobId: string,
    slot: Date,
    outcome: {
      status: "done" | "failed" | "retrying" | "skipped";
      result?: unknown;
      error?: string;
      retryAt?: Date;
      reason?: string;
    },
    now: Date,
  ) {
    await this.db.jobRun.update({
      where: { jobId_slot: { jobId, slot } },
      data: {
        status: outcome.status,
        finishedAt: now,
        leaseUntil: null,
        retryAt: outcome.retryAt ?? null,
        result: outcome.result === undefined ? null : JSON.stringify(outcome.result),
        error: outcome.error?.slice(0, 1000) ?? null,
        reason: outcome.reason ?? null,
      },
    });
  }

  find(jobId: string, slot: Date) {
    return this.db.jobRun.findUnique({ where: { jobId_slot: { jobId, slot } } });
  }

  /** The latest slot before `slot` that this job completed. */
  async previousDone(jobId: string, slot: Date): Promise<Date | null> {
    const run = await this.db.jobRun.findFirst({
      where: { jobId, status: "done", slot: { lt: slot } },
      orderBy: { slot: "desc" },
      select: { slot: true },
    });
    return run?.slot ?? null;
  }

  latest(jobId: string) {
    return this.db.jobRun.findFirst({ where: { jobId }, orderBy: { slot: "desc" } });
  }

  /** Runs that gave up after their retries, newest first (the health endpoint, /jobs). */
  failed(since: Date) {
    return this.db.jobRun.findMany({
      where: { status: "failed", slot: { gte: since } },
      orderBy: { slot: "desc" },
    });
  }

  count(jobId: string, status?: string) {
    return this.db.jobRun.count({ where: { jobId, ...(status ? { status } : {}) } });
  }

  /**
   * When the installation began, recorded the first time it is asked. A database from before
   * this record counts from its first job run.
   */
  async installedAt(now: Date): Promise<Date> {
    const found = await this.db.installation.findUnique({ where: { id: 1 } });
    if (found) return found.installedAt;
    const first = await this.db.jobRun.findFirst({ orderBy: { startedAt: "asc" } });
    const installedAt = first && first.startedAt < now ? first.startedAt : now;
    await this.db.installation.upsert({ where: { id: 1 }, create: { id: 1, installedAt }, update: {} });
    return installedAt;
  }
}

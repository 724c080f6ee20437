// Runs the jobs in jobs/ on their cron slots, exactly once per slot across every instance sharing
// the database: each run first claims (job, slot) in JobRun. node-cron fires the slots in
// production (through DbRunCoordinator, its distributed-mode hook); tests drive tick() with a
// fake clock. At startup, slots missed while the process was down are run once if still useful
// (within the job's catchUpMs) or recorded as skipped. A claim is a lease its instance renews
// while it works: a run whose instance died is taken over by another (or at restart) once the
// lease lapses, and a failed run is tried again after a pause, twice, then settled as failed.
import cron, { type ScheduledTask } from "node-cron";
import type { Clock } from "../core/clock.js";
import type { I18n } from "../core/i18n.js";
import type { Logger } from "../core/logger.js";
import type { ServiceScope } from "../service-scope.js";

export { checkCronOverrides, InvalidCronError } from "./cron-overrides.js";

import { LEASE_MS } from "../job-runs/job-run-repository.js";
import { checkCronOverrides } from "./cron-overrides.js";
import { DbRunCoordinator } from "./db-run-coordinator.js";
import type { JobDefinition } from "./job.js";

const MINUTE = 60_000;
/** Pauses before a failed run is tried again: two retries, then it is settled as failed. */
const RETRY_DELAYS_MS = [MINUTE, 5 * MINUTE];
/** How often a running instance looks for runs to recover (sooner when leases are shorter). */
const RECOVER_EVERY_MS = MINUTE;
/** How far back startup looks for missed slots. */
const MAX_LOOKBACK_MS = 7 * 24 * 60 * MINUTE;

interface LoadedJob {
  def: JobDefinition;
  cron: string;
  matcher: ScheduledTask;
}

export interface SlotOutcome {
  jobId: string;
  slot: Date;
  ran: boolean;
  result?: Record<string, number>;
  error?: string;
}

export class Scheduler {
  readonly #jobs: LoadedJob[];
  readonly #tasks: ScheduledTask[] = [];
  #lastTick: Date | undefined;
  #recovering: NodeJS.Timeout | undefined;
  /** The latest slot of each job this instance completed. */
  readonly #lastDone = new Map<string, Date>();

  constructor(
    jobs: readonly JobDefinition[],
    private readonly deps: {
      scope: ServiceScope;
      clock: Clock;
      i18n: I18n;
      logger: Logger;
      instanceId: string;
      timeZone: string;
      env?: NodeJS.ProcessEnv;
      /** How long a claim holds unrenewed (JOB_LEASE_MS). */
      leaseMs?: number;
    },
  ) {
    const expressions = checkCronOverrides(jobs, deps.env ?? process.env);
    this.#jobs = jobs.map((def, i) => {
      const expression = expressions[i] ?? def.cron;
      return {
        def,
        cron: expression,
        matcher: cron.createTask(expression, () => undefined, { timezone: deps.timeZone }),
      };
    });
  }

  get #leaseMs(): number {
    return this.deps.leaseMs ?? LEASE_MS;
  }

  get jobs(): readonly { id: string; cron: string }[] {
    return this.#jobs.map((j) => ({ id: j.def.id, cron: j.cron }));
  }

  /** Slots of a job in (from, to], minute by minute. */
  slotsBetween(jobId: string, from: Date, to: Date): Date[] {
    const job = this.#find(jobId);
    const slots: Date[] = [];
    let t = Math.floor(from.getTime() / MINUTE) * MINUTE + MINUTE;
    for (; t <= to.getTime(); t += MINUTE) if (job.matcher.match(new Date(t))) slots.push(new Date(t));
    return slots;
  }

  /** Claims and runs one slot; returns whether this instance ran it. */
  async runSlot(jobId: string, slot: Date): Promise<SlotOutcome> {
    const { scope, clock, logger, instanceId } = this.deps;
    const claimed = await scope.transaction((s) =>
      s.jobRuns.claim(jobId, slot, instanceId, clock.now(), "running", this.#leaseMs),
    );
    if (!claimed) return { jobId, slot, ran: false };
    return this.#execute(jobId, slot, logger);
  }

  async #execute(jobId: string, slot: Date, logger: Logger): Promise<SlotOutcome> {
    const { scope, clock, i18n, instanceId } = this.deps;
    const job = this.#find(jobId);
    // The claim is renewed while the run works; an instance that dies stops renewing it, and
    // another takes the run over once it lapses (recover).
    const renewal = setInterval(() => {
      scope
        .transaction((s) => s.jobRuns.renew(jobId, slot, instanceId, clock.now(), this.#leaseMs))
        .catch((err) => logger.warn({ err, job: jobId, slot }, "could not renew the run's lease"));
    }, this.#leaseMs / 4);
    renewal.unref();
    try {
      // Idempotent preparation first, outside the run's transaction (it may take long).
      const prepare = job.def.prepare;
      if (prepare) await scope.read((services) => prepare({ now: clock.now(), services }));
      // This instance's own last completed run saves the query; it is never later than the
      // latest anyone completed, so at worst the run looks back further (messages are deduped).
      const known = this.#lastDone.get(jobId);
      const since =
        (known && known < slot ? known : await scope.read((s) => s.jobRuns.previousDone(jobId, slot))) ??
        new Date(slot.getTime() - job.def.catchUpMs);
      // One transaction per run: the messages it queues commit together with its record.
      const result = await scope.transaction(async (services) => {
        const outcome = await job.def.run({
          slot,
          since,
          now: clock.now(),
          services,
          t: i18n.translator(i18n.defaultLocale),
          timeZone: this.deps.timeZone,
        });
        await services.jobRuns.finish(jobId, slot, { status: "done", result: outcome }, clock.now());
        return outcome;
      });
      const latest = this.#lastDone.get(jobId);
      if (!latest || latest < slot) this.#lastDone.set(jobId, slot);
      logger.info({ job: jobId, slot, result }, "job ran");
      return { jobId, slot, ran: true, result };
    } catch (error) {
      const now = clock.now();
      const attempts = (await scope.read((s) => s.jobRuns.find(jobId, slot)))?.attempts ?? 1;
      const delay = RETRY_DELAYS_MS[attempts - 1];
      // Tried again after a pause while the slot is still worth running; else settled as failed.
      const retryAt =
        delay !== undefined && now.getTime() + delay - slot.getTime() <= job.def.catchUpMs
          ? new Date(now.getTime() + delay)
          : undefined;
      logger.error({ err: error, job: jobId, slot, attempts, retryAt }, "job failed");
      await scope.transaction((s) =>
        s.jobRuns.finish(
          jobId,
          slot,
          { status: retryAt ? "retrying" : "failed", error: String(error), ...(retryAt ? { retryAt } : {}) },
          now,
        ),
      );
      return { jobId, slot, ran: true, error: String(error) };
    } finally {
      clearInterval(renewal);
    }
  }

  /**
   * Runs whose instance died mid-run (lease lapsed) and failed runs whose retry is due: taken
   * over and run again while still useful, else recorded as skipped with the reason.
   */
  async recover(now = this.deps.clock.now()): Promise<SlotOutcome[]> {
    const { scope, instanceId, logger } = this.deps;
    const outcomes: SlotOutcome[] = [];
    for (const run of await scope.read((s) => s.jobRuns.recoverable(now))) {
      const job = this.#jobs.find((j) => j.def.id === run.jobId);
      if (!job) continue;
      if (now.getTime() - run.slot.getTime() > job.def.catchUpMs) {
        const reason = run.status === "running" ? "abandoned-too-late" : "retry-too-late";
        await scope.transaction((s) =>
          s.jobRuns.finish(
            run.jobId,
            run.slot,
            { status: "skipped", reason, error: run.error ?? undefined },
            now,
          ),
        );
        logger.warn({ job: run.jobId, slot: run.slot, reason }, "job run given up");
        outcomes.push({ jobId: run.jobId, slot: run.slot, ran: false });
        continue;
      }
      const mine = await scope.transaction((s) =>
        s.jobRuns.takeOver(run.jobId, run.slot, instanceId, now, this.#leaseMs),
      );
      if (!mine) continue;
      logger.info(
        { job: run.jobId, slot: run.slot, was: run.status, by: run.claimedBy },
        "job run taken over",
      );
      outcomes.push(await this.#execute(run.jobId, run.slot, logger));
    }
    return outcomes;
  }

  /** Runs every slot that came due since the last tick, then recovers (tests drive this). */
  async tick(now = this.deps.clock.now()): Promise<SlotOutcome[]> {
    const from = this.#lastTick ?? new Date(now.getTime() - MINUTE);
    this.#lastTick = now;
    const outcomes: SlotOutcome[] = [];
    for (const job of this.#jobs) {
      for (const slot of this.slotsBetween(job.def.id, from, now))
        outcomes.push(await this.runSlot(job.def.id, slot));
    }
    outcomes.push(...(await this.recover(now)));
    return outcomes;
  }

  /**
   * At startup: for each job, the slots since its last recorded run (never before the
   * installation began) that nobody ran. The latest one runs if it is still useful; the others
   * (and a too-late latest) are recorded as skipped with the reason. Then runs left by a dead
   * instance, and retries due, are recovered.
   */
  async catchUp(now = this.deps.clock.now()): Promise<SlotOutcome[]> {
    const { scope, instanceId, clock } = this.deps;
    const outcomes: SlotOutcome[] = [];
    const installedAt = await scope.transaction((s) => s.jobRuns.installedAt(now));
    for (const job of this.#jobs) {
      const last = await scope.read((s) => s.jobRuns.latest(job.def.id));
      const from = Math.max(
        last ? last.slot.getTime() : installedAt.getTime(),
        installedAt.getTime(),
        now.getTime() - MAX_LOOKBACK_MS,
      );
      const missed = this.slotsBetween(job.def.id, new Date(from), now);
      for (const [i, slot] of missed.entries()) {
        const latest = i === missed.length - 1;
        if (latest && now.getTime() - slot.getTime() <= job.def.catchUpMs) {
          outcomes.push(await this.runSlot(job.def.id, slot));
        } else {
          const reason = latest ? "missed-too-late" : "missed-superseded";
          await scope.transaction((s) => s.jobRuns.skip(job.def.id, slot, instanceId, clock.now(), reason));
          outcomes.push({ jobId: job.def.id, slot, ran: false });
        }
      }
    }
    this.#lastTick = now;
    outcomes.push(...(await this.recover(now)));
    return outcomes;
  }

  /** Starts the real timers: node-cron fires each slot, the coordinator claims it in the database. */
  start(): void {
    const coordinator = new DbRunCoordinator(
      this.deps.scope,
      this.deps.clock,
      this.deps.instanceId,
      this.#leaseMs,
    );
    for (const job of this.#jobs) {
      const task = cron.schedule(
        job.cron,
        async (ctx) => {
          await this.#execute(job.def.id, floorToMinute(ctx.date), this.deps.logger);
        },
        {
          name: job.def.id,
          timezone: this.deps.timeZone,
          distributed: true,
          runCoordinator: coordinator,
          noOverlap: true,
        },
      );
      this.#tasks.push(task);
    }
    this.#recovering = setInterval(
      () => {
        this.recover().catch((err) => this.deps.logger.error({ err }, "could not recover job runs"));
      },
      Math.min(RECOVER_EVERY_MS, this.#leaseMs),
    );
    this.#recovering.unref();
  }

  nextRun(jobId: string): Date | null {
    // A task that was never started answers getNextRun() with null; getNextRuns() still works.
    return this.#find(jobId).matcher.getNextRuns(1)[0] ?? null;
  }

  async stop(): Promise<void> {
    clearInterval(this.#recovering);
    await Promise.all(this.#tasks.map((t) => t.destroy()));
    await Promise.all(this.#jobs.map((j) => j.matcher.destroy()));
  }

  #find(jobId: string): LoadedJob {
    const job = this.#jobs.find((j) => j.def.id === jobId);
    if (!job) throw new Error(`no job ${jobId}`);
    return job;
  }
}

const floorToMinute = (date: Date) => new Date(Math.floor(date.getTime() / MINUTE) * MINUTE);

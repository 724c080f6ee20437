// What a scheduled job is: an id, a cron expression (overridable from the environment), how late
// a missed slot may still usefully run, and a thin run() that asks domain services for due work
// and queues messages. Runs must be idempotent: messages carry dedupe keys, so running a slot's
// work twice (after a crash between send and record) never doubles a message.
import type { Translate } from "../core/i18n.js";
import type { Services } from "../services.js";

export interface JobContext {
  /** The scheduled slot this run stands for. */
  slot: Date;
  /**
   * The slot of this job's previous completed run (or, when there is none, the slot less the
   * job's catch-up allowance): a run after downtime covers everything since then, item by item.
   */
  since: Date;
  now: Date;
  services: Services;
  /** The installation's default language, for messages to chats. */
  t: Translate;
  /** The installation's default time zone (organisations may set their own). */
  timeZone: string;
}

export interface JobDefinition {
  id: string;
  /** Default cron expression (minute precision), in the installation's default time zone. */
  cron: string;
  /** A slot missed (process down) is still run at startup if it is at most this late. */
  catchUpMs: number;
  run(ctx: JobContext): Promise<Record<string, number>>;
  /**
   * Idempotent work done before the run's transaction opens, in transactions of its own (e.g.
   * computing a city's yearly tallies on New Year), so the run's transaction stays short.
   */
  prepare?(ctx: { now: Date; services: Services }): Promise<void>;
}

export function defineJob(job: JobDefinition): JobDefinition {
  return job;
}

/** JOB_<ID>_CRON, e.g. JOB_MEETING_REMINDERS_CRON for "meeting-reminders". */
export const cronVariable = (jobId: string): string => `JOB_${jobId.toUpperCase().replaceAll("-", "_")}_CRON`;

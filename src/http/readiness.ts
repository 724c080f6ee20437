// What /readyz reports: whether the database answers and takes writes, whether every migration
// is applied, the outbox's backlog and the job runs that gave up in the last day.
import type { Clock } from "../core/clock.js";
import type { Database } from "../db/database.js";
import type { ServiceScope } from "../service-scope.js";
import type { Readiness } from "./health-server.js";

const FAILED_JOBS_WINDOW_MS = 24 * 3_600_000;

export async function readinessOf(
  db: Database,
  scope: ServiceScope,
  clock: Clock,
  extra: Record<string, unknown> = {},
): Promise<Readiness> {
  const database = await db.ping().then(
    () => "ok" as const,
    () => "unavailable" as const,
  );
  if (database !== "ok") return { ready: false, database, ...extra };
  const fault = db.writeFault();
  if (fault)
    return {
      ready: false,
      database: "unwritable",
      since: fault.at.toISOString(),
      error: fault.message,
      ...extra,
    };
  const now = clock.now();
  const [pending, outbox, failed] = await Promise.all([
    db.pendingMigrations(),
    scope.read((s) => s.outbox.backlog(now)),
    scope.read((s) => s.jobRuns.failed(new Date(now.getTime() - FAILED_JOBS_WINDOW_MS))),
  ]);
  return {
    ready: pending.length === 0,
    database,
    migrations: pending.length === 0 ? "applied" : { pending },
    outbox,
    failedJobs: failed.map((r) => ({ job: r.jobId, slot: r.slot.toISOString(), error: r.error })),
    ...extra,
  };
}

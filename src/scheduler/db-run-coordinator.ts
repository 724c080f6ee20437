// node-cron's distributed-mode hook, backed by the database: a slot key "job:2026-03-02T01:00:00Z"
// is claimed by inserting JobRun(job, slot); only the instance whose insert succeeds runs it.
import type { RunCoordinator } from "node-cron";
import type { Clock } from "../core/clock.js";
import type { ServiceScope } from "../service-scope.js";

export function parseSlotKey(key: string): { jobId: string; slot: Date } | null {
  const at = key.indexOf(":");
  if (at <= 0) return null;
  const slot = new Date(key.slice(at + 1));
  if (Number.isNaN(slot.getTime())) return null;
  slot.setUTCSeconds(0, 0);
  return { jobId: key.slice(0, at), slot };
}

export class DbRunCoordinator implements RunCoordinator {
  constructor(
    private readonly scope: ServiceScope,
    private readonly clock: Clock,
    private readonly instanceId: string,
    private readonly leaseMs: number,
  ) {}

  async shouldRun(key: string): Promise<boolean> {
    const parsed = parseSlotKey(key);
    if (!parsed) return false;
    return this.scope.transaction((s) =>
      s.jobRuns.claim(parsed.jobId, parsed.slot, this.instanceId, this.clock.now(), "running", this.leaseMs),
    );
  }
}

// Keeps the per-member yearly tallies in step with the record: the services that change what the
// tallies count (a meeting closing, volunteer time recorded, a wish confirmed, a member moving to
// another branch) tell the keeper which branch and which moment changed, inside their own
// transaction; the keeper recomputes that branch's year. Boards fill any branch-year not yet
// computed (a new year, a database from before the tallies) on first read.
import { yieldToLoop } from "../core/yield-to-loop.js";
import { periodOf } from "../meetings/periods.js";
import type { OrgZones } from "../organization/org-zones.js";
import { branchList } from "./branch-scope.js";
import type { TallyRepository, TallyYearRange } from "./tally-repository.js";

export class TallyKeeper {
  constructor(
    private readonly repo: TallyRepository,
    private readonly zones: OrgZones,
  ) {}

  /** Something the tallies of `branchId` count changed, dated `instant` (its year is recomputed). */
  async touched(branchId: string, instant: Date, now: Date): Promise<void> {
    const zone = await this.zones.of(branchId);
    await this.repo.refresh([branchId], yearRange(instant, zone), now);
  }

  /**
   * A member's service counts under their branch: after a move, both branches' years are
   * recomputed (this year's; earlier years keep the branch the work was done for).
   */
  async moved(fromBranchId: string, toBranchId: string, now: Date): Promise<void> {
    await this.touched(fromBranchId, now, now);
    await this.touched(toBranchId, now, now);
  }

  /**
   * Every branch of the database (the weekly board), given in the database's order of ids (the
   * OrgIndex's): checked a span at a time — one query over 30,000 branches held the event loop
   * for tens of milliseconds on SQLite — and what is missing computed a chunk at a time. Out of
   * order, a span reads more than it needs and nothing is missed.
   */
  async ensureAll(
    branches: { id: string; zone: string }[],
    at: Date,
    now: Date,
    chunkSize = CHECK_CHUNK,
  ): Promise<void> {
    for (const { range, ids } of byYear(branches, at)) {
      for (let i = 0; i < ids.length; i += chunkSize) {
        await yieldToLoop();
        const chunk = ids.slice(i, i + chunkSize);
        const span = { first: chunk[0] ?? "", last: chunk.at(-1) ?? "" };
        const ordered = span.first <= span.last;
        const done = await this.repo.computed(ordered ? { ids: chunk, span } : branchList(chunk), range.year);
        const missing = chunk.filter((id) => !done.has(id));
        for (let j = 0; j < missing.length; j += FILL_CHUNK) {
          await yieldToLoop();
          await this.repo.refresh(missing.slice(j, j + FILL_CHUNK), range, now);
        }
      }
    }
  }

  /** Computes the tallies of the branches whose year (in each one's zone) is not computed yet. */
  async ensure(branches: { id: string; zone: string }[], at: Date, now: Date): Promise<void> {
    for (const { range, ids } of byYear(branches, at)) {
      await yieldToLoop();
      const done = await this.repo.computed(branchList(ids), range.year);
      const missing = ids.filter((id) => !done.has(id));
      if (missing.length > 0) await this.repo.refresh(missing, range, now);
    }
  }
}

/** Branches computed per transaction when many are missing (a new year across a city). */
const FILL_CHUNK = 200;
/** Branches whose tallies are looked for in one query. */
const CHECK_CHUNK = 2000;

/** Branches grouped by the year `at` falls in, in each one's zone (normally a single group). */
function byYear(
  branches: { id: string; zone: string }[],
  at: Date,
): { range: TallyYearRange; ids: string[] }[] {
  // A city has 30,000 branches in a zone or two: each zone's year is worked out once.
  const byZone = new Map<string, string[]>();
  for (const b of branches) {
    const ids = byZone.get(b.zone);
    if (ids) ids.push(b.id);
    else byZone.set(b.zone, [b.id]);
  }
  const groups = new Map<string, { range: TallyYearRange; ids: string[] }>();
  for (const [zone, ids] of byZone) {
    const range = yearRange(at, zone);
    const key = `${range.year}:${range.start.toISOString()}`;
    const group = groups.get(key);
    if (group) group.ids.push(...ids);
    else groups.set(key, { range, ids });
  }
  return [...groups.values()];
}

export function yearRange(instant: Date, zone: string): TallyYearRange {
  const { year, start, end } = periodOf(instant, "year", zone);
  return { year, start, end };
}

// Keeps the per-member yearly tallies in step with the record: the services that change what the
// tallies count (a meeting closing, volunteer time recorded, a wish confirmed, a member moving to
// another branch) tell the keeper which branch and which moment changed, inside their own
// transaction; the keeper recomputes that branch's year. Boards fill any branch-year not yet
// computed (a new year, a database from before the tallies) on first read.
import { yieldToLoop } from "../core/yield-to-loop.js";
import { periodOf } from "../meetings/periods.js";
import type { OrganizationRepository } from "../organization/organization-repository.js";
import { type BranchScope, branchList } from "./branch-scope.js";
import type { TallyRepository, TallyYearRange } from "./tally-repository.js";

export class TallyKeeper {
  constructor(
    private readonly repo: TallyRepository,
    private readonly orgs: OrganizationRepository,
    private readonly defaultTimeZone: string,
  ) {}

  /** Something the tallies of `branchId` count changed, dated `instant` (its year is recomputed). */
  async touched(branchId: string, instant: Date, now: Date): Promise<void> {
    const chain = await this.orgs.chain(branchId);
    const zone = chain.find((o) => o.timeZone)?.timeZone ?? this.defaultTimeZone;
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
   * Every branch of the database at once (the weekly board): one query per year finds those not
   * computed, which are then computed a chunk at a time.
   */
  async ensureAll(branches: { id: string; zone: string }[], at: Date, now: Date): Promise<void> {
    const byYear = new Map<string, { range: TallyYearRange; ids: Set<string> }>();
    for (const b of branches) {
      const range = yearRange(at, b.zone);
      const key = `${range.year}:${range.start.toISOString()}`;
      const entry = byYear.get(key) ?? { range, ids: new Set<string>() };
      entry.ids.add(b.id);
      byYear.set(key, entry);
    }
    for (const { range, ids } of byYear.values()) {
      const missing = (await this.repo.uncomputedBranches(range.year)).filter((id) => ids.has(id));
      for (let i = 0; i < missing.length; i += FILL_CHUNK) {
        await yieldToLoop();
        await this.repo.refresh(missing.slice(i, i + FILL_CHUNK), range, now);
      }
    }
  }

  /** Computes the tallies of the branches whose year (in each one's zone) is not computed yet. */
  async ensure(
    branches: { id: string; zone: string }[],
    at: Date,
    now: Date,
    span?: BranchScope["span"],
  ): Promise<void> {
    const byYear = new Map<string, { range: TallyYearRange; ids: string[] }>();
    for (const b of branches) {
      const range = yearRange(at, b.zone);
      const key = `${range.year}:${range.start.toISOString()}`;
      const entry = byYear.get(key) ?? { range, ids: [] };
      entry.ids.push(b.id);
      byYear.set(key, entry);
    }
    for (const { range, ids } of byYear.values()) {
      await yieldToLoop();
      const done = await this.repo.computed(
        byYear.size === 1 && span ? { ids, span } : branchList(ids),
        range.year,
      );
      const missing = ids.filter((id) => !done.has(id));
      if (missing.length > 0) await this.repo.refresh(missing, range, now);
    }
  }
}

/** Branches computed per transaction when many are missing (a new year across a city). */
const FILL_CHUNK = 200;

export function yearRange(instant: Date, zone: string): TallyYearRange {
  const { year, start, end } = periodOf(instant, "year", zone);
  return { year, start, end };
}

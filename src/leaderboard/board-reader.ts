// The reads a page of boards needs, and how they run: the SQL dialect, whether several may be on
// their way at once, how large a page is. Those are facts of the database and its driver, so the
// db layer's wiring (repositories.ts) chooses them and the leaderboard only asks for pages.
import { yieldToLoop } from "../core/yield-to-loop.js";
import type { BranchScope } from "./branch-scope.js";
import { gatherReads } from "./gather-reads.js";
import type { LeaderboardRepository } from "./leaderboard-repository.js";
import type { PointsSql, TallyRepository } from "./tally-repository.js";

/** Reads on this thread: small enough that no single database call holds the event loop long. */
const PAGE = 200;
/**
 * Reads off this thread: a page's rows are read while the page before is used; a page this size
 * is used and gone between young collections (docs/operations.md, "Benchmarks", the weekly board).
 */
const AHEAD_PAGE = 150;
/** Pages computed ahead of the one being used, when the reads run off this thread. */
const AHEAD = 1;

export interface BoardReaderOptions {
  /** The SQL dialect of the page queries. */
  dialect: "sqlite" | "postgresql";
  /** Whether the page reads run off this thread (see RawSql.offThread): they may overlap. */
  offThread: boolean;
}

export class BoardReader {
  constructor(
    private readonly repo: LeaderboardRepository,
    private readonly tallies: TallyRepository,
    private readonly options: BoardReaderOptions,
  ) {}

  /** Branches per page of the weekly board. */
  get pageSize(): number {
    return this.options.offThread ? AHEAD_PAGE : PAGE;
  }

  /** Pages read ahead of the one being used. */
  get pagesAhead(): number {
    return this.options.offThread ? AHEAD : 0;
  }

  /** A page's independent reads: at once off this thread, one after another on it. */
  gather<T extends unknown[]>(...reads: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
    return gatherReads<T>(this.options.offThread, ...reads);
  }

  /** Reads on this thread answer synchronously: timers and other updates run between pages. */
  async betweenPages(): Promise<void> {
    if (!this.options.offThread) await yieldToLoop();
  }

  meetings(scope: BranchScope, from: Date, to: Date) {
    return this.repo.meetings(scope, from, to);
  }

  roster(branchIds: string[]) {
    return this.repo.members(branchIds);
  }

  totals(scope: BranchScope, year: number) {
    return this.tallies.branchTotals(scope, year);
  }

  memberTallies(branchIds: string[], year: number) {
    return this.tallies.ofBranches(branchIds, year);
  }

  topScores(scope: BranchScope, year: number, rules: PointsSql, top: number) {
    return this.tallies.topScores(scope, year, rules, top, this.options.dialect);
  }
}

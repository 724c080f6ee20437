// Weekly leaderboards: a branch's completion of required meetings and attendance rate, the top of
// its members by points (never the bottom), a member's own rank on request, and a committee's
// ranking of its branches. Boards are computed a page of branches at a time from aggregates the
// database computes, with inherited settings resolved in memory.

import { groupBy } from "../core/group-by.js";
import { yieldToLoop } from "../core/yield-to-loop.js";
import { periodOf } from "../meetings/periods.js";
import type { MemberRepository } from "../membership/member-repository.js";
import type { OrgZones } from "../organization/org-zones.js";
import type { OrgRecord } from "../organization/organization-repository.js";
import type { BoardReader } from "./board-reader.js";
import { type BranchBoard, type BranchFacts, branchBoard, type MemberScore } from "./branch-board.js";
import { type BranchScope, branchList } from "./branch-scope.js";
import type { LeaderboardRepository } from "./leaderboard-repository.js";
import { OrgIndex } from "./org-index.js";
import { type Ranked, rank, topOnly } from "./points.js";
import { type AllPointsRules, rulesOf } from "./points-rules-of.js";
import { type TallyKeeper, yearRange } from "./tally-keeper.js";
import type { MemberTally } from "./tally-repository.js";

export type { BranchBoard, MemberScore };

const TOP = 5;
/** Branches per read of a committee's ranking. */
const COMMITTEE_PAGE = 200;

export interface BoardOptions {
  /**
   * "all" ranks every active member; "top" ranks in the database and brings back only the top
   * (the weekly board at city scale); "none" leaves them out (rankings of branches).
   */
  scoring?: "all" | "top" | "none";
  /** Set when the branches are a keyset page of all branches (see BranchScope). */
  span?: BranchScope["span"];
  /** The caller made sure every branch's tallies for the year are computed. */
  tallied?: boolean;
}
/** One collator for the whole board: `localeCompare` with a locale builds one per call. */
const byName = new Intl.Collator("zh-CN");
export class LeaderboardService {
  constructor(
    private readonly repo: LeaderboardRepository,
    private readonly reader: BoardReader,
    private readonly tallies: TallyKeeper,
    private readonly members: MemberRepository,
    private readonly zones: OrgZones,
  ) {}

  /** The whole tree (the weekly job, committee boards); `aroundBranch` for one branch's board. */
  async index(): Promise<OrgIndex> {
    return OrgIndex.build(await this.repo.organizations());
  }

  async #aroundBranch(branchId: string): Promise<OrgIndex> {
    return new OrgIndex(await this.repo.around(branchId));
  }

  /**
   * Boards for a set of branches, a handful of queries however many branches, read from the
   * per-member yearly tallies (computed first for any branch-year that has none).
   */
  async boards(
    branches: OrgRecord[],
    now: Date,
    index: OrgIndex,
    { scoring = "all", span, tallied = false }: BoardOptions = {},
  ): Promise<BranchBoard[]> {
    if (branches.length === 0) return [];
    const zoned = branches.map((b) => ({
      branch: b,
      id: b.id,
      zone: index.zoneOf(b.id, this.zones.installation),
    }));
    // Years differ only across time zones; a page normally shares one.
    const byYear = groupBy(zoned, (z) => String(yearRange(now, z.zone).year));
    const ids = branches.map((b) => b.id);
    const scope: BranchScope = span && byYear.size === 1 ? { ids, span } : branchList(ids);
    if (!tallied) await this.tallies.ensure(zoned, now, now);
    const totals = new Map<string, { expected: number; attended: number; serviceMinutes: number }>();
    const tallies: MemberTally[] = [];
    const tops = new Map<string, () => Ranked<MemberScore>[]>();
    const year = periodOf(now, "year", zoned[0]?.zone ?? this.zones.installation);
    const [meetings, roster] = await this.reader.gather(
      () => this.reader.meetings(scope, year.start, year.end),
      () => (scoring === "all" ? this.reader.roster(ids) : Promise.resolve([])),
    );
    for (const [y, group] of byYear) {
      const yearIds = group.map((g) => g.id);
      const yearScope = byYear.size === 1 ? scope : branchList(yearIds);
      const [sums, rows, top] = await this.reader.gather(
        () => this.reader.totals(yearScope, Number(y)),
        () => (scoring === "all" ? this.reader.memberTallies(yearIds, Number(y)) : Promise.resolve([])),
        () =>
          scoring === "top"
            ? this.#topScores(yearScope, index, Number(y))
            : Promise.resolve(new Map<string, () => Ranked<MemberScore>[]>()),
      );
      for (const [id, sum] of sums) totals.set(id, sum);
      tallies.push(...rows);
      for (const [id, list] of top) tops.set(id, list);
    }
    const tallyOf = new Map(tallies.map((t) => [`${t.organizationId}:${t.memberId}`, t]));
    const rosterBy = groupBy(roster, (m) => m.organizationId);
    const meetingsBy = groupBy(meetings, (m) => m.organizationId);
    const boards: BranchBoard[] = [];
    for (const { branch, zone } of zoned) {
      // A page of boards is tens of milliseconds of work: let other work in between.
      if (boards.length % 25 === 24) await yieldToLoop();
      const facts: BranchFacts = {
        branch,
        zone,
        settings: index.settingsOf(branch.id),
        groupIds: index.groupsOf(branch.id),
        meetings: meetingsBy.get(branch.id) ?? [],
        roster: rosterBy.get(branch.id) ?? [],
        tallyOf: (memberId) => tallyOf.get(`${branch.id}:${memberId}`),
      };
      const branchTotals = totals.get(branch.id);
      if (branchTotals) facts.totals = branchTotals;
      const top = tops.get(branch.id);
      if (top) facts.top = top;
      boards.push(branchBoard(facts, now, scoring === "all"));
    }
    return boards;
  }

  /** Top scores from the database, one query per distinct points rule among the branches. */
  async #topScores(
    scope: BranchScope,
    index: OrgIndex,
    year: number,
  ): Promise<Map<string, () => Ranked<MemberScore>[]>> {
    const byRules = new Map<string, { rules: AllPointsRules; ids: string[] }>();
    for (const id of scope.ids) {
      const { rules, key } = rulesOf(index.settingsOf(id));
      const entry = byRules.get(key) ?? { rules, ids: [] };
      entry.ids.push(id);
      byRules.set(key, entry);
    }
    const result = new Map<string, () => Ranked<MemberScore>[]>();
    for (const { rules, ids } of byRules.values()) {
      const lists = await this.reader.topScores(
        byRules.size === 1 ? scope : branchList(ids),
        year,
        { ...rules, caps: rules.caps as Record<string, number> },
        TOP,
      );
      for (const [id, list] of lists)
        result.set(id, () =>
          list().sort((a, b) => a.rank - b.rank || byName.compare(a.item.name, b.item.name)),
        );
    }
    return result;
  }

  async branchBoard(branch: OrgRecord, now: Date): Promise<BranchBoard> {
    const [board] = await this.boards([branch], now, await this.#aroundBranch(branch.id));
    if (!board) throw new Error(`no board for ${branch.id}`);
    return board;
  }

  /** Every branch's board, a page at a time (the weekly job and the city-scale benchmark). */
  async *allBoards(now: Date, index: OrgIndex, pageSize?: number): AsyncGenerator<BranchBoard[]> {
    const take = pageSize ?? this.reader.pageSize;
    // Any branch-year without tallies (a new year, a database from before them) first, looked
    // for a span of the index at a time rather than page by page (TallyKeeper.ensureAll).
    await this.prepareYear(now, index);
    // Off this thread (PostgreSQL, SQLite's read worker) the next pages are read while this one is
    // used: the pages' queries would otherwise wait on each other. On it there is no overlap.
    const ahead = this.reader.pagesAhead;
    // Pages come from the index, which holds every branch in the database's order of ids: a page's
    // first and last id bound a range its queries can name, and no query waits for the next page.
    const branches = index.branches();
    const pending: Promise<BranchBoard[]>[] = [];
    let from = 0;
    for (;;) {
      while (from < branches.length && pending.length <= ahead) {
        const page = branches.slice(from, from + take);
        from += take;
        const next = this.boards(page, now, index, {
          scoring: "top",
          span: { first: page[0]?.id ?? "", last: page.at(-1)?.id ?? "" },
          tallied: true,
        });
        // Awaited below; until then a failure must not count as unhandled.
        next.catch(() => {});
        pending.push(next);
      }
      const next = pending.shift();
      if (!next) return;
      yield await next;
      await this.reader.betweenPages();
    }
  }

  /** Computes the yearly tallies of every branch that has none for the year of `now` yet. */
  prepareYear(now: Date, index: OrgIndex): Promise<void> {
    return this.tallies.ensureAll(
      index.branches().map((b) => ({
        id: b.id,
        zone: index.zoneOf(b.id, this.zones.installation),
      })),
      now,
      now,
    );
  }

  /** Expected and attended lines per branch in the closed meetings of a range. */
  attendanceBetween(branchIds: string[], from: Date, to: Date) {
    return this.repo.attendanceTotals(branchIds, from, to);
  }

  /** Present ÷ expected in the branch's closed meetings of each range (null: none held). */
  async monthlyAttendance(
    branchId: string,
    ranges: { start: Date; end: Date }[],
  ): Promise<(number | null)[]> {
    const totals = await Promise.all(
      ranges.map((r) => this.repo.attendanceTotals([branchId], r.start, r.end)),
    );
    return totals.map((byBranch) => {
      const total = byBranch.get(branchId);
      return total && total.total > 0 ? total.attended / total.total : null;
    });
  }

  /** The top of the member ranking, for posting in the group. */
  top(board: BranchBoard): Ranked<MemberScore>[] {
    return topOnly(board.scores, (s) => s.points, TOP);
  }

  async committeeBoard(committee: OrgRecord, now: Date, index?: OrgIndex): Promise<Ranked<BranchBoard>[]> {
    const idx = index ?? (await this.index());
    const boards: BranchBoard[] = [];
    const branches = idx.branchesUnder(committee.id);
    for (let i = 0; i < branches.length; i += COMMITTEE_PAGE)
      boards.push(
        ...(await this.boards(branches.slice(i, i + COMMITTEE_PAGE), now, idx, { scoring: "none" })),
      );
    // Completion first; attendance breaks ties.
    return rank(
      boards,
      (b) => Math.round(b.completion * 1000) * 1000 + Math.round((b.attendance ?? 0) * 999),
    );
  }

  async memberRank(
    personId: string,
    now: Date,
  ): Promise<{ score: MemberScore; rank: number; of: number; branch: OrgRecord } | null> {
    const member = (await this.members.activeOf(personId))[0];
    if (!member) return null;
    const index = await this.#aroundBranch(member.organizationId);
    const branch = index.chain(member.organizationId)[0];
    if (!branch) return null;
    const [board] = await this.boards([branch], now, index);
    const mine = board?.scores.find((s) => s.item.memberId === member.id);
    return mine && board ? { score: mine.item, rank: mine.rank, of: board.scores.length, branch } : null;
  }
}

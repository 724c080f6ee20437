// Weekly leaderboards: a branch's completion of required meetings and attendance rate, the top of
// its members by points (never the bottom), a member's own rank on request, and a committee's
// ranking of its branches. Boards are computed a page of branches at a time from aggregates the
// database computes, with inherited settings resolved in memory.
import { DateTime } from "luxon";
import { servicePoints } from "../community/community-rules.js";
import type { MeetingType } from "../meetings/meeting-types.js";
import { FREQUENCY_SETTING, MEETING_TYPES } from "../meetings/meeting-types.js";
import { obligations } from "../meetings/obligations.js";
import { periodOf } from "../meetings/periods.js";
import type { MemberRepository } from "../membership/member-repository.js";
import type { OrgRecord } from "../organization/organization-repository.js";
import { effectiveSettings, type Frequency, parseStoredSettings } from "../organization/settings.js";
import type { LeaderboardRepository } from "./leaderboard-repository.js";
import { type PointsRules, pointsFromCounts, type Ranked, rank, topOnly } from "./points.js";

export interface MemberScore {
  memberId: string;
  name: string;
  points: number;
}

export interface BranchBoard {
  branch: OrgRecord;
  /** Share of this period's required meetings held, 0–1. */
  completion: number;
  /** Present ÷ expected over this year's closed meetings, 0–1 (null when none). */
  attendance: number | null;
  /** Volunteer minutes the branch's members served this year, wherever they served. */
  serviceMinutes: number;
  scores: Ranked<MemberScore>[];
}

const TOP = 5;
/** Small enough that no single database call holds the event loop for long. */
const PAGE = 200;

/** The organisation tree in memory, for inherited settings and time zones without queries. */
export class OrgIndex {
  readonly #byId: Map<string, OrgRecord>;
  readonly #children = new Map<string, string[]>();

  constructor(orgs: Iterable<Omit<OrgRecord, "settings"> & { settings: string }>) {
    this.#byId = new Map();
    for (const o of orgs) {
      this.#byId.set(o.id, { ...o, settings: parseStoredSettings(o.settings) });
      if (o.parentId) this.#children.set(o.parentId, [...(this.#children.get(o.parentId) ?? []), o.id]);
    }
  }

  chain(id: string): OrgRecord[] {
    const chain: OrgRecord[] = [];
    for (
      let org = this.#byId.get(id);
      org && chain.length < 16;
      org = org.parentId ? this.#byId.get(org.parentId) : undefined
    )
      chain.push(org);
    return chain;
  }

  groupsOf(branchId: string): string[] {
    return (this.#children.get(branchId) ?? []).filter((id) => this.#byId.get(id)?.kind === "group");
  }

  branchesUnder(id: string): OrgRecord[] {
    const out: OrgRecord[] = [];
    const walk = (at: string) => {
      for (const child of this.#children.get(at) ?? []) {
        const org = this.#byId.get(child);
        if (org?.kind === "branch") out.push(org);
        walk(child);
      }
    };
    walk(id);
    return out;
  }
}

export class LeaderboardService {
  constructor(
    private readonly repo: LeaderboardRepository,
    private readonly members: MemberRepository,
    private readonly defaultTimeZone: string,
    private readonly provider: "sqlite" | "postgresql",
  ) {}

  /** The whole tree (the weekly job, committee boards); `aroundBranch` for one branch's board. */
  async index(): Promise<OrgIndex> {
    return new OrgIndex(await this.repo.organizations());
  }

  async #aroundBranch(branchId: string): Promise<OrgIndex> {
    return new OrgIndex(await this.repo.around(branchId));
  }

  /** Boards for a set of branches: five queries, however many branches. */
  /**
   * Boards for a set of branches, five queries however many branches. Member scores: "all" ranks
   * every member; "top" ranks in the database and brings back only the top (the weekly board at
   * city scale); "none" leaves them out (rankings of branches).
   */
  async boards(
    branches: OrgRecord[],
    now: Date,
    index: OrgIndex,
    scoring: "all" | "top" | "none" = "all",
  ): Promise<BranchBoard[]> {
    const topOnlyScores = scoring !== "all";
    if (branches.length === 0) return [];
    const ids = branches.map((b) => b.id);
    const zoneOf = (id: string) => index.chain(id).find((o) => o.timeZone)?.timeZone ?? this.defaultTimeZone;
    // Years differ only across time zones; a page normally shares one.
    const year = periodOf(now, "year", zoneOf(ids[0] ?? ""));
    const withService = await this.repo.anyService(year.start, now);
    const [service, counts, totals, meetings, roster, tops] = await Promise.all([
      withService
        ? this.repo.serviceTotals(ids, year.start, now)
        : Promise.resolve(new Map<string, { organizationId: string; minutes: number; wishes: number }>()),
      topOnlyScores ? Promise.resolve([]) : this.repo.attendedCounts(ids, year.start, now),
      this.repo.attendanceTotals(ids, year.start, now),
      this.repo.meetings(ids, year.start, year.end),
      topOnlyScores ? Promise.resolve([]) : this.repo.members(ids),
      scoring === "top"
        ? this.#topScores(branches, index, year.start, now, withService)
        : Promise.resolve(new Map<string, Ranked<MemberScore>[]>()),
    ]);
    const countsByMember = groupBy(counts, (c) => c.memberId);
    const rosterBy = groupBy(roster, (m) => m.organizationId);
    const meetingsBy = groupBy(meetings, (m) => m.organizationId);
    return branches.map((branch) => {
      const settings = effectiveSettings(index.chain(branch.id));
      const rules: PointsRules = {
        perMeeting: settings["points.perMeeting"].value as number,
        caps: settings["points.caps"].value as PointsRules["caps"],
      };
      const serviceRules = {
        perServiceHour: settings["points.perServiceHour"].value as number,
        perWish: settings["points.perWish"].value as number,
      };
      const scores = (rosterBy.get(branch.id) ?? []).map((m) => {
        const served = service.get(m.id);
        return {
          memberId: m.id,
          name: m.name,
          points:
            pointsFromCounts(countsByMember.get(m.id) ?? [], rules) +
            servicePoints(served?.minutes ?? 0, served?.wishes ?? 0, serviceRules),
        };
      });
      let serviceMinutes = 0;
      for (const s of service.values()) if (s.organizationId === branch.id) serviceMinutes += s.minutes;
      const frequencies: Partial<Record<MeetingType, Frequency>> = {};
      for (const type of MEETING_TYPES) {
        const key = FREQUENCY_SETTING[type];
        if (key) frequencies[type] = settings[key].value as Frequency;
      }
      const rows = obligations({
        now,
        zone: zoneOf(branch.id),
        frequencies,
        groupIds: index.groupsOf(branch.id),
        meetings: (meetingsBy.get(branch.id) ?? []).map((m) => ({
          type: m.type as MeetingType,
          groupId: m.groupId,
          startsAt: m.startsAt,
          status: m.status as "scheduled" | "cancelled" | "closed",
        })),
      });
      const required = rows.reduce((n, r) => n + r.required, 0);
      const held = rows.reduce((n, r) => n + Math.min(r.held, r.required), 0);
      const total = totals.get(branch.id);
      return {
        branch,
        completion: required === 0 ? 1 : held / required,
        attendance: total && total.total > 0 ? total.attended / total.total : null,
        serviceMinutes,
        scores: topOnlyScores ? (tops.get(branch.id) ?? []) : rank(scores, (s) => s.points),
      };
    });
  }

  /** Top scores from the database, one query per distinct points rule among the branches. */
  async #topScores(
    branches: OrgRecord[],
    index: OrgIndex,
    from: Date,
    to: Date,
    withService: boolean,
  ): Promise<Map<string, Ranked<MemberScore>[]>> {
    type Rules = {
      perMeeting: number;
      caps: Record<string, number>;
      perServiceHour: number;
      perWish: number;
    };
    const byRules = new Map<string, { rules: Rules; ids: string[] }>();
    for (const branch of branches) {
      const settings = effectiveSettings(index.chain(branch.id));
      const rules: Rules = {
        perMeeting: settings["points.perMeeting"].value as number,
        caps: settings["points.caps"].value as Record<string, number>,
        perServiceHour: settings["points.perServiceHour"].value as number,
        perWish: settings["points.perWish"].value as number,
      };
      const key = JSON.stringify(rules);
      const entry = byRules.get(key) ?? { rules, ids: [] };
      entry.ids.push(branch.id);
      byRules.set(key, entry);
    }
    const result = new Map<string, Ranked<MemberScore>[]>();
    for (const { rules, ids } of byRules.values()) {
      for (const row of await this.repo.topScores(ids, from, to, rules, TOP, this.provider, withService)) {
        const list = result.get(row.organizationId) ?? [];
        list.push({ item: { memberId: row.memberId, name: row.name, points: row.points }, rank: row.rank });
        result.set(row.organizationId, list);
      }
    }
    for (const list of result.values())
      list.sort((a, b) => a.rank - b.rank || a.item.name.localeCompare(b.item.name, "zh-CN"));
    return result;
  }

  async branchBoard(branch: OrgRecord, now: Date): Promise<BranchBoard> {
    const [board] = await this.boards([branch], now, await this.#aroundBranch(branch.id));
    if (!board) throw new Error(`no board for ${branch.id}`);
    return board;
  }

  /** Every branch's board, a page at a time (the weekly job and the city-scale benchmark). */
  async *allBoards(now: Date, index: OrgIndex, pageSize = PAGE): AsyncGenerator<BranchBoard[]> {
    let after: string | null = null;
    for (;;) {
      const rows = await this.repo.branchPage(after, pageSize);
      const page: OrgRecord[] = rows.map((o) => ({ ...o, settings: parseStoredSettings(o.settings) }));
      if (page.length === 0) return;
      yield await this.boards(page, now, index, "top");
      // SQLite answers synchronously: let timers and other updates run between pages.
      await new Promise((resolve) => setImmediate(resolve));
      after = page.at(-1)?.id ?? null;
    }
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
    for (let i = 0; i < branches.length; i += PAGE)
      boards.push(...(await this.boards(branches.slice(i, i + PAGE), now, idx, "none")));
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

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}

export const weekKey = (now: Date, zone: string): string =>
  DateTime.fromJSDate(now, { zone }).toFormat("kkkk-'W'WW");

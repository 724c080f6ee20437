// Builds a branch's ledger export for a period, for its secretary (never for members).

import type { AccessService } from "../access/access-service.js";
import { DomainError } from "../core/domain-error.js";
import type { Translate } from "../core/i18n.js";
import type { PrivateFiles } from "../core/private-files.js";
import type { DevelopmentFiles } from "../development/development-files.js";
import type { DuesService } from "../dues/dues-service.js";
import type { LeaderboardService } from "../leaderboard/leaderboard-service.js";
import type { OrgIndex } from "../leaderboard/org-index.js";
import type { MeetingReads } from "../meetings/meeting-reads.js";
import type { MeetingType } from "../meetings/meeting-types.js";
import { frequenciesOf } from "../meetings/meeting-types.js";
import { completion, obligations } from "../meetings/obligations.js";
import { periodLabel as labelOf } from "../meetings/period-label.js";
import { type PeriodSpec, resolvePeriod } from "../meetings/period-spec.js";
import type { Period } from "../meetings/periods.js";
import type { MemberRepository } from "../membership/member-repository.js";
import type { OrgZones } from "../organization/org-zones.js";
import type { OrganizationRepository, OrgRecord } from "../organization/organization-repository.js";
import type { WarningService } from "../warnings/warning-service.js";
import { type CommitteeExportPage, writeCommitteeCsv, writeCommitteeWorkbook } from "./committee-export.js";
import { writeLedgerCsv, writeLedgerWorkbook } from "./ledger-export.js";
import { ledgerMeetings } from "./ledger-meetings.js";
import type { LedgerExportData } from "./ledger-sheets.js";

/** Branches per round of queries: large enough to be few rounds, small enough to hold the loop briefly. */
const EXPORT_PAGE = 200;

export class ExportService {
  constructor(
    private readonly meetingRepo: MeetingReads,
    private readonly members: MemberRepository,
    private readonly orgs: OrganizationRepository,
    private readonly leaderboard: LeaderboardService,
    private readonly warnings: WarningService,
    private readonly access: AccessService,
    private readonly dues: DuesService,
    private readonly development: DevelopmentFiles,
    private readonly files: PrivateFiles,
    private readonly zones: OrgZones,
  ) {}

  async branchLedger(
    actorId: string,
    branch: OrgRecord,
    opts: { period: PeriodSpec; format: "xlsx" | "csv"; t: Translate },
    now: Date,
  ): Promise<{ path: string; filename: string; periodLabel: string }> {
    if (branch.kind !== "branch") throw new DomainError("meetings.needsBranch");
    await this.access.require(actorId, branch.id, "secretary");
    const zone = await this.zones.of(branch.id);
    const period = resolvePeriod(opts.period, now, zone);
    const periodLabel = labelOf(period, opts.t);
    const asOf = yearFigureInstant(period, now);
    // The sheets' sources are independent: on PostgreSQL their queries overlap.
    const [meetingRows, roster, children, board, dues, warnings] = await Promise.all([
      this.meetingRepo.between(branch.id, period.start, period.end),
      this.members.listByBranch(branch.id),
      this.orgs.children(branch.id),
      this.leaderboard.branchBoard(branch, asOf),
      this.dues.standing(branch.id, asOf, zone),
      this.warnings.forBranch(branch, now),
    ]);
    const groups = new Map(children.map((g) => [g.id, g.name]));
    // The period's leave requests and frozen ledgers in two queries, not two per meeting.
    const ids = meetingRows.map((m) => m.id);
    const [allLeaves, allLines] = await Promise.all([
      this.meetingRepo.leavesOf(ids),
      this.meetingRepo.attendeesOf(meetingRows.filter((m) => m.status === "closed").map((m) => m.id)),
    ]);
    const { meetings, planned, leaves } = ledgerMeetings({
      meetings: meetingRows,
      leaves: allLeaves,
      lines: allLines,
      roster,
    });
    const data: LedgerExportData = {
      branchName: branch.name,
      periodLabel,
      zone,
      meetings,
      planned,
      members: roster.map((m) => ({
        id: m.id,
        name: m.name,
        status: m.status,
        joinedPartyOn: m.joinedPartyOn,
        phone: m.phone,
        group: m.groupId ? (groups.get(m.groupId) ?? "") : "",
      })),
      leaves,
      points: board.scores.map((s) => ({ name: s.item.name, points: s.item.points, rank: s.rank })),
      dues,
      warnings: warnings.map((w) => ({
        name: w.name,
        reason: w.reason,
        level: w.level,
        months: w.months,
      })),
    };
    const filename = `${branch.name}-${periodLabel}-台账.${opts.format}`;
    const file = await this.files.place("exports", filename);
    if (opts.format === "xlsx") await writeLedgerWorkbook(data, opts.t, file);
    else await writeLedgerCsv(data, opts.t, file);
    await this.files.seal(file);
    return { path: file, filename, periodLabel };
  }

  /**
   * Every branch below a committee for a period: a summary of each branch's compliance and one
   * meeting ledger for all. Built a page of branches at a time from aggregates, so a committee of a
   * thousand branches is a few dozen queries.
   */
  async committeeLedger(
    actorId: string,
    committee: OrgRecord,
    opts: { period: PeriodSpec; format: "xlsx" | "csv"; t: Translate },
    now: Date,
  ): Promise<{ path: string; filename: string; periodLabel: string; branches: number }> {
    await this.access.require(actorId, committee.id, "secretary");
    const zone = await this.zones.of(committee.id);
    const period = resolvePeriod(opts.period, now, zone);
    const periodLabel = labelOf(period, opts.t);
    const index = await this.leaderboard.index();
    const all = index.branchesUnder(committee.id);
    if (all.length === 0) throw new DomainError("charts.noBranches");
    const pages = this.#committeePages(all, index, period, now, zone);
    const filename = `${committee.name}-${periodLabel}-各支部台账.${opts.format}`;
    const file = await this.files.place("exports", filename);
    if (opts.format === "xlsx") await writeCommitteeWorkbook(zone, pages, opts.t, file);
    else await writeCommitteeCsv(pages, file);
    await this.files.seal(file);
    return { path: file, filename, periodLabel, branches: all.length };
  }

  async *#committeePages(
    all: OrgRecord[],
    index: OrgIndex,
    period: Period,
    now: Date,
    zone: string,
  ): AsyncGenerator<CommitteeExportPage> {
    for (let i = 0; i < all.length; i += EXPORT_PAGE) {
      const page = all.slice(i, i + EXPORT_PAGE);
      const ids = page.map((b) => b.id);
      const [boards, members, meetings, attendance, stages] = await Promise.all([
        this.leaderboard.boards(page, yearFigureInstant(period, now), index, { scoring: "none" }),
        this.members.countActiveByBranch(ids),
        this.meetingRepo.inBranchesBetween(ids, period.start, period.end),
        this.leaderboard.attendanceBetween(ids, period.start, period.end),
        this.development.stageCounts(ids),
      ]);
      const names = new Map(page.map((b) => [b.id, b.name]));
      const heldBy = new Map<string, number>();
      const meetingsOf = new Map<string, typeof meetings>();
      for (const m of meetings)
        meetingsOf.set(m.organizationId, [...(meetingsOf.get(m.organizationId) ?? []), m]);
      for (const m of meetings)
        if (m.status === "closed") heldBy.set(m.organizationId, (heldBy.get(m.organizationId) ?? 0) + 1);
      yield {
        branches: boards.map((board) => {
          const total = attendance.get(board.branch.id);
          const stage = stages.get(board.branch.id) ?? {};
          return {
            name: board.branch.name,
            code: board.branch.code,
            members: members.get(board.branch.id) ?? 0,
            meetingsHeld: heldBy.get(board.branch.id) ?? 0,
            // For the exported period, as every report counts it (not as of today).
            completion: completion(
              obligations({
                period,
                asOf: now,
                zone,
                frequencies: frequenciesOf(index.settingsOf(board.branch.id)),
                groupIds: index.groupsOf(board.branch.id),
                meetings: (meetingsOf.get(board.branch.id) ?? []).map((m) => ({
                  type: m.type as MeetingType,
                  groupId: m.groupId,
                  startsAt: m.startsAt,
                  status: m.status as "scheduled" | "cancelled" | "closed",
                })),
              }),
            ),
            attendance: total && total.total > 0 ? total.attended / total.total : null,
            attendanceThisYear: board.attendance,
            development: {
              applicants: stage.applicant ?? 0,
              activists: stage.activist ?? 0,
              candidates: stage.candidate ?? 0,
              probationary: stage.probationary ?? 0,
            },
          };
        }),
        meetings: meetings.map((m) => ({
          branch: names.get(m.organizationId) ?? "",
          type: m.type,
          startsAt: m.startsAt,
          place: m.place,
          topic: m.topic,
          status: m.status,
          expected: m.expected,
          present: m.present,
        })),
      };
    }
  }
}

/**
 * The instant a period's yearly figures (points, dues paid this year, 本年出勤率) are taken at: now
 * while the period runs, else its last moment — an export of last quarter taken on 1 January
 * reads last year, not the new one that has only begun.
 */
function yearFigureInstant(period: Period, now: Date): Date {
  return now < period.end ? now : new Date(period.end.getTime() - 1);
}

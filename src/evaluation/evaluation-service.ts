// The committee's evaluation of its branches: a scoring sheet (items, weights, how each is
// measured), marks computed from the records plus hand scores, the ranking with movement since the
// last period, the demonstration candidates and the lagging list — for the committee only. A
// branch secretary sees their own branch's marks and nothing of the others.
import type { AccessService } from "../access/access-service.js";
import { DomainError } from "../core/domain-error.js";
import type { DuesRepository } from "../dues/dues-repository.js";
import { previousMonth } from "../dues/dues-rules.js";
import { monthOf } from "../dues/dues-service.js";
import type { LeaderboardRepository } from "../leaderboard/leaderboard-repository.js";
import type { MeetingReads } from "../meetings/meeting-reads.js";
import { frequenciesOf, type MeetingType } from "../meetings/meeting-types.js";
import { type Period, type PeriodKind, periodOf } from "../meetings/periods.js";
import type { MemberRepository } from "../membership/member-repository.js";
import type { OrgZones } from "../organization/org-zones.js";
import type { OrganizationRepository, OrgRecord } from "../organization/organization-repository.js";
import { effectiveSettings } from "../organization/settings.js";
import { handScoreQuarters, MONTHS, periodKey, previousPeriod } from "./evaluation-periods.js";
import type { EvaluationRepository } from "./evaluation-repository.js";
import {
  averageHandScores,
  type BranchFacts,
  DEFAULT_SHEET,
  duesShare,
  evaluationLists,
  itemMark,
  periodCompletion,
  type SheetItem,
  weightedScore,
} from "./evaluation-rules.js";

export interface BranchScore {
  branch: OrgRecord;
  score: number;
  marks: { item: SheetItem; mark: number; comment: string | null }[];
}

export class EvaluationService {
  constructor(
    private readonly repo: EvaluationRepository,
    private readonly orgs: OrganizationRepository,
    private readonly members: MemberRepository,
    private readonly meetings: MeetingReads,
    private readonly boards: LeaderboardRepository,
    private readonly dues: DuesRepository,
    private readonly access: AccessService,
    private readonly zones: OrgZones,
  ) {}

  async sheet(committee: OrgRecord): Promise<(SheetItem & { id?: string })[]> {
    const stored = await this.repo.items(committee.id);
    return stored.length > 0 ? stored : [...DEFAULT_SHEET];
  }

  async setItem(actorId: string, committee: OrgRecord, item: SheetItem, now: Date) {
    this.#mustBeCommittee(committee);
    await this.access.require(actorId, committee.id, "secretary");
    await this.#materialise(committee, now);
    await this.repo.saveItem(committee.id, item, now);
    return this.sheet(committee);
  }

  async handScore(
    actorId: string,
    committee: OrgRecord,
    input: { branchCode: string; key: string; score: number; comment: string | null; period: Period },
    now: Date,
  ) {
    this.#mustBeCommittee(committee);
    await this.access.require(actorId, committee.id, "secretary");
    const branch = (await this.#branchesUnder(committee)).find((b) => b.code === input.branchCode);
    if (!branch) throw new DomainError("evaluation.notBelow", { code: input.branchCode });
    await this.#materialise(committee, now);
    // The item by its code or by its name as the sheet shows it (工作实绩（党委评分）).
    const item = (await this.repo.items(committee.id)).find(
      (i) => i.key === input.key || i.label === input.key,
    );
    if (item?.measure !== "manual") throw new DomainError("evaluation.notManual", { key: input.key });
    await this.repo.setHandScore({
      branchId: branch.id,
      itemId: item.id,
      period: periodKey(input.period),
      score: input.score,
      comment: input.comment,
      byId: actorId,
      at: now,
    });
    return { branch, item };
  }

  /** The committee's ranking for a period, with movement since the one before, and its lists. */
  async committeeRanking(
    actorId: string,
    committee: OrgRecord,
    kind: PeriodKind,
    which: "this" | "last",
    now: Date,
  ) {
    this.#mustBeCommittee(committee);
    await this.access.require(actorId, committee.id, "committee_member");
    const zone = await this.#zone(committee.id);
    const period = which === "this" ? periodOf(now, kind, zone) : previousPeriod(now, kind, zone);
    const before = previousPeriod(new Date(period.start.getTime()), kind, zone);
    const branches = await this.#branchesUnder(committee);
    const [scores, earlier] = await Promise.all([
      this.#score(committee, branches, period, now, zone),
      this.#score(committee, branches, before, now, zone),
    ]);
    const settings = effectiveSettings(await this.orgs.chain(committee.id));
    const lists = evaluationLists(
      scores,
      (s) => s.score,
      (settings["evaluation.demoPercent"].value as number) / 100,
      (settings["evaluation.lagPercent"].value as number) / 100,
    );
    const earlierRank = new Map(
      evaluationLists(earlier, (s) => s.score, 0, 0).ranked.map((r) => [r.item.branch.id, r.rank]),
    );
    return {
      period,
      ...lists,
      movement: (id: string) =>
        (earlierRank.get(id) ?? 0) - (lists.ranked.find((r) => r.item.branch.id === id)?.rank ?? 0),
    };
  }

  /** A branch secretary's view: their own branch's marks, nothing of the others. */
  async ownScore(actorId: string, branch: OrgRecord, kind: PeriodKind, which: "this" | "last", now: Date) {
    await this.access.require(actorId, branch.id, "secretary");
    const committee = (await this.orgs.chain(branch.id)).find((o) => o.kind === "committee");
    if (!committee) throw new DomainError("evaluation.noCommittee");
    const zone = await this.#zone(branch.id);
    const period = which === "this" ? periodOf(now, kind, zone) : previousPeriod(now, kind, zone);
    const [own] = await this.#score(committee, [branch], period, now, zone);
    if (!own) throw new DomainError("evaluation.noCommittee");
    return { period, own };
  }

  // Half-year reviews (述职).

  async reviewFacts(actorId: string, branch: OrgRecord, which: "this" | "last", now: Date) {
    if (branch.kind !== "branch") throw new DomainError("meetings.needsBranch");
    await this.access.require(actorId, branch.id, "secretary");
    const zone = await this.#zone(branch.id);
    const period =
      which === "this" ? periodOf(now, "half_year", zone) : previousPeriod(now, "half_year", zone);
    const [facts] = await this.#facts([branch], period, now, zone);
    const meetings = await this.meetings.inBranchesBetween([branch.id], period.start, period.end);
    const held = new Map<string, number>();
    for (const m of meetings) if (m.status === "closed") held.set(m.type, (held.get(m.type) ?? 0) + 1);
    return { period, key: periodKey(period), facts: facts?.facts, held };
  }

  async submitReview(
    actorId: string,
    branch: OrgRecord,
    key: string,
    text: string,
    now: Date,
  ): Promise<void> {
    await this.access.require(actorId, branch.id, "secretary");
    await this.repo.submitReview(branch.id, key, text, actorId, now);
  }

  async reviews(actorId: string, committee: OrgRecord, now: Date) {
    this.#mustBeCommittee(committee);
    await this.access.require(actorId, committee.id, "committee_member");
    const zone = await this.#zone(committee.id);
    const period = previousPeriod(now, "half_year", zone);
    const current = periodOf(now, "half_year", zone);
    const branches = await this.#branchesUnder(committee);
    const ids = branches.map((b) => b.id);
    const submitted = new Map<string, Date>();
    for (const key of [periodKey(period), periodKey(current)])
      for (const r of await this.repo.reviews(ids, key)) submitted.set(`${r.branchId}|${key}`, r.submittedAt);
    return { period, current, branches, submitted, key: periodKey(period), currentKey: periodKey(current) };
  }

  // Scoring.

  async #score(committee: OrgRecord, branches: OrgRecord[], period: Period, now: Date, zone: string) {
    const sheet = await this.sheet(committee);
    const manualIds = sheet.flatMap((i) => (i.measure === "manual" && i.id ? [i.id] : []));
    const hand = await this.repo.handScores(
      branches.map((b) => b.id),
      manualIds,
      handScoreQuarters(period),
    );
    const handBy = averageHandScores(hand);
    const facts = await this.#facts(branches, period, now, zone);
    return facts.map(({ branch, facts: f }): BranchScore => {
      const marks = sheet.map((item) => {
        const h = item.id ? handBy.get(`${branch.id}|${item.id}`) : undefined;
        return { item, mark: itemMark(item, f, h?.score), comment: h?.comment ?? null };
      });
      return {
        branch,
        score: weightedScore(
          sheet,
          marks.map((m) => m.mark),
        ),
        marks,
      };
    });
  }

  async #facts(branches: OrgRecord[], period: Period, now: Date, zone: string) {
    const ids = branches.map((b) => b.id);
    const end = period.end < now ? period.end : now;
    const [meetings, attendance, service, rosters] = await Promise.all([
      this.meetings.inBranchesBetween(ids, period.start, period.end),
      this.boards.attendanceTotals(ids, period.start, end),
      this.boards.serviceTotals(ids, period.start, end),
      Promise.all(ids.map((id) => this.members.listByBranch(id))),
    ]);
    const memberIds = rosters.flat().map((m) => m.id);
    const rates = await this.dues.ratesOf(memberIds);
    const firstMonth = monthOf(period.start, zone);
    const payments = await this.dues.paymentsOf(memberIds, firstMonth);
    const paid = new Set(payments.map((p) => `${p.memberId}|${p.month}`));
    const lastDue = previousMonth(monthOf(end < now ? new Date(end.getTime() + 1) : now, zone));
    const result: { branch: OrgRecord; facts: BranchFacts }[] = [];
    for (const [i, branch] of branches.entries()) {
      const roster = rosters[i] ?? [];
      const rosterIds = new Set(roster.map((m) => m.id));
      const own = meetings.filter((m) => m.organizationId === branch.id);
      const closed = own.filter((m) => m.status === "closed");
      const settings = effectiveSettings(await this.orgs.chain(branch.id));
      const frequencies = frequenciesOf(settings);
      const groupIds = (await this.orgs.children(branch.id))
        .filter((o) => o.kind === "group")
        .map((o) => o.id);
      let served = 0;
      for (const s of service.values()) if (s.organizationId === branch.id) served += s.minutes;
      const total = attendance.get(branch.id);
      result.push({
        branch,
        facts: {
          completion: periodCompletion({
            period,
            asOf: now,
            zone,
            frequencies,
            groupIds,
            meetings: own.map((m) => ({
              type: m.type as MeetingType,
              groupId: m.groupId,
              startsAt: m.startsAt,
              status: m.status as "scheduled" | "cancelled" | "closed",
            })),
          }),
          attendance: total && total.total > 0 ? total.attended / total.total : null,
          dues: duesShare(rates, rosterIds, paid, firstMonth, lastDue),
          minutes:
            closed.length === 0
              ? null
              : closed.filter((m) => (m.content ?? "").trim()).length / closed.length,
          volunteerMinutesPerMember: roster.length === 0 ? null : served / roster.length,
          months: MONTHS[period.kind as keyof typeof MONTHS] ?? 3,
        },
      });
    }
    return result;
  }

  async #materialise(committee: OrgRecord, now: Date): Promise<void> {
    if ((await this.repo.items(committee.id)).length > 0) return;
    for (const item of DEFAULT_SHEET) await this.repo.saveItem(committee.id, item, now);
  }

  async #branchesUnder(committee: OrgRecord): Promise<OrgRecord[]> {
    return (await this.orgs.subtree(committee.id)).filter((o) => o.kind === "branch");
  }

  async #zone(orgId: string): Promise<string> {
    return this.zones.of(orgId);
  }

  #mustBeCommittee(org: OrgRecord): void {
    if (org.kind === "branch" || org.kind === "group") throw new DomainError("charts.needsCommittee");
  }
}

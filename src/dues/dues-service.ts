// Party dues (党费): the secretary sets each member's monthly amount; the secretary or the dues
// officer (a branch committee member) records payments, one by one or for everyone present at a
// meeting (交纳党费 is a fixed item of the theme party day); members see their own record only.
import { DateTime } from "luxon";
import type { AccessService } from "../access/access-service.js";
import { DomainError } from "../core/domain-error.js";
import type { MeetingReads } from "../meetings/meeting-reads.js";
import type { MemberRecord, MemberRepository } from "../membership/member-repository.js";
import type { OrgRecord } from "../organization/organization-repository.js";
import type { DuesRepository } from "./dues-repository.js";
import { arrears, previousMonth, unpaidStreak } from "./dues-rules.js";

export interface DuesStanding {
  memberId: string;
  name: string;
  amountFen: number;
  /** Months owed (complete months without a payment), oldest first. */
  arrears: string[];
  /** Unpaid months in a row up to last month. */
  streak: number;
  paidThisYear: number;
}

export const monthOf = (now: Date, zone: string) => DateTime.fromJSDate(now, { zone }).toFormat("yyyy-MM");

export class DuesService {
  constructor(
    private readonly repo: DuesRepository,
    private readonly members: MemberRepository,
    private readonly meetings: MeetingReads,
    private readonly access: AccessService,
  ) {}

  async setRate(
    actorId: string,
    branch: OrgRecord,
    target: string,
    amountFen: number,
    now: Date,
    zone: string,
  ) {
    this.#mustBeBranch(branch);
    await this.access.require(actorId, branch.id, "secretary");
    const roster = await this.members.listByBranch(branch.id);
    const chosen = target === "ALL" ? roster : roster.filter((m) => m.code === target);
    if (chosen.length === 0) throw new DomainError("dues.noSuchMember", { code: target });
    for (const m of chosen) await this.repo.setRate(m.id, amountFen, monthOf(now, zone), now, actorId);
    return chosen;
  }

  /**
   * Records `month` as paid for members given by code, or for everyone who checked in to a meeting
   * given by its code. Members without a monthly amount are left out and named.
   */
  async recordPaid(actorId: string, branch: OrgRecord, codes: string[], month: string, now: Date) {
    this.#mustBeBranch(branch);
    await this.access.require(actorId, branch.id, "committee_member");
    const roster = await this.members.listByBranch(branch.id);
    const byCode = new Map(roster.map((m) => [m.code, m]));
    const byId = new Map(roster.map((m) => [m.id, m]));
    const chosen = new Map<string, MemberRecord>();
    for (const code of codes) {
      const member = byCode.get(code);
      if (member) {
        chosen.set(member.id, member);
        continue;
      }
      const meeting = await this.meetings.findByCode(code);
      if (!meeting || meeting.organizationId !== branch.id)
        throw new DomainError("dues.noSuchMember", { code });
      for (const c of await this.meetings.checkIns(meeting.id)) {
        const m = byId.get(c.memberId);
        if (m) chosen.set(m.id, m);
      }
    }
    const rates = new Map((await this.repo.ratesOf([...chosen.keys()])).map((r) => [r.memberId, r]));
    const recorded: MemberRecord[] = [];
    const already: MemberRecord[] = [];
    const noRate: MemberRecord[] = [];
    for (const m of chosen.values()) {
      const rate = rates.get(m.id);
      if (!rate) noRate.push(m);
      else if (await this.repo.pay(m.id, month, rate.amountFen, now, actorId)) recorded.push(m);
      else already.push(m);
    }
    return { recorded, already, noRate };
  }

  /** Every member of the branch with a monthly amount, and where they stand. */
  async standing(branchId: string, now: Date, zone: string): Promise<DuesStanding[]> {
    const roster = await this.members.listByBranch(branchId);
    return this.#standingOf(roster, now, zone);
  }

  async forSecretary(actorId: string, branch: OrgRecord, now: Date, zone: string) {
    this.#mustBeBranch(branch);
    await this.access.require(actorId, branch.id, "committee_member");
    return this.standing(branch.id, now, zone);
  }

  /** A member's own record; nobody else's. */
  async mine(personId: string, now: Date, zone: string): Promise<DuesStanding | null> {
    const memberships = await this.members.activeOf(personId);
    if (memberships.length === 0) throw new DomainError("members.notAMember");
    const [own] = await this.#standingOf(memberships.slice(0, 1), now, zone);
    return own ?? null;
  }

  async #standingOf(members: MemberRecord[], now: Date, zone: string): Promise<DuesStanding[]> {
    const rates = await this.repo.ratesOf(members.map((m) => m.id));
    if (rates.length === 0) return [];
    // Months are "YYYY-MM" strings: the smallest sorts first.
    const earliest = rates.map((r) => r.fromMonth).sort()[0] ?? "";
    const paid = new Map<string, Set<string>>();
    for (const p of await this.repo.paymentsOf(
      rates.map((r) => r.memberId),
      earliest,
    )) {
      const set = paid.get(p.memberId) ?? new Set<string>();
      set.add(p.month);
      paid.set(p.memberId, set);
    }
    const thisMonth = monthOf(now, zone);
    const lastDue = previousMonth(thisMonth);
    const year = thisMonth.slice(0, 4);
    const names = new Map(members.map((m) => [m.id, m.name]));
    return rates
      .map((r) => {
        const months = paid.get(r.memberId) ?? new Set<string>();
        return {
          memberId: r.memberId,
          name: names.get(r.memberId) ?? "",
          amountFen: r.amountFen,
          arrears: arrears(r.fromMonth, lastDue, months),
          streak: unpaidStreak(r.fromMonth, lastDue, months),
          paidThisYear: [...months].filter((m) => m.startsWith(year)).length,
        };
      })
      .sort((a, b) => b.arrears.length - a.arrears.length || a.name.localeCompare(b.name, "zh-CN"));
  }

  async paidMonth(memberId: string, month: string): Promise<boolean> {
    return (await this.repo.paymentsOf([memberId], month)).some((p) => p.month === month);
  }

  async personOf(memberId: string): Promise<string | null> {
    return (await this.members.findById(memberId))?.personId ?? null;
  }

  #mustBeBranch(org: OrgRecord): void {
    if (org.kind !== "branch") throw new DomainError("meetings.needsBranch");
  }
}

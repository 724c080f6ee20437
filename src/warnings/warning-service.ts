// Absence warnings (黄橙红) per branch, from the frozen ledgers of closed meetings, for the
// secretary's eyes only.
import { DateTime } from "luxon";
import type { AccessRepository } from "../access/access-repository.js";
import type { AccessService } from "../access/access-service.js";
import type { DuesService } from "../dues/dues-service.js";
import type { MeetingReads } from "../meetings/meeting-reads.js";
import type { MemberRepository } from "../membership/member-repository.js";
import type { OrgZones } from "../organization/org-zones.js";
import type { OrganizationRepository, OrgRecord } from "../organization/organization-repository.js";
import { effectiveSettings } from "../organization/settings.js";
import { missedRun, monthRecord, type WarningLevel, warningLevel } from "./absence-rules.js";

const LOOKBACK_MONTHS = 12;

export interface AbsenceWarning {
  memberId: string;
  name: string;
  /** Missed organisational life, or unpaid dues: each is its own ladder, shown apart. */
  reason: "attendance" | "dues";
  level: WarningLevel;
  months: number;
  lastAttended: string | null;
  /** The months the warning counts, oldest and newest ("2026-10", "2027-03"). */
  fromMonth: string;
  toMonth: string;
  /** Six months or more: one of the 党章's conditions for being regarded as having left. */
  sixMonthRule: boolean;
}

/** The 党章's six months (attendance, dues). */
export const SIX_MONTHS = 6;

export class WarningService {
  constructor(
    private readonly meetings: MeetingReads,
    private readonly members: MemberRepository,
    private readonly orgs: OrganizationRepository,
    private readonly access: AccessService,
    private readonly roles: AccessRepository,
    private readonly dues: DuesService,
    private readonly zones: OrgZones,
  ) {}

  async secretariesOf(branchId: string): Promise<string[]> {
    return (await this.roles.holders(branchId)).filter((h) => h.role === "secretary").map((h) => h.personId);
  }

  /** Who must hear that a branch is behind: its secretaries, and secretaries and administrators above. */
  async overseersOf(branchId: string): Promise<string[]> {
    const chain = await this.orgs.chain(branchId);
    const people = new Set<string>();
    for (const [i, org] of chain.entries()) {
      for (const h of await this.roles.holders(org.id)) {
        if (h.role === "secretary" || (i > 0 && h.role === "org_admin")) people.add(h.personId);
      }
    }
    return [...people];
  }

  async forActor(actorId: string, branch: OrgRecord, now: Date): Promise<AbsenceWarning[]> {
    await this.access.require(actorId, branch.id, "secretary");
    return this.forBranch(branch, now);
  }

  /**
   * Warnings as of today in the branch's time zone: the run of missed months counts complete
   * months back from last month, and attending in the current month ends it at once. Approved
   * leave and other good reasons are not missed months; members the branch excused from
   * organisational life (年老体弱、长期患病) are not warned for absence.
   */
  async forBranch(branch: OrgRecord, now: Date): Promise<AbsenceWarning[]> {
    const chain = await this.orgs.chain(branch.id);
    const zone = this.zones.ofChain(chain);
    const settings = effectiveSettings(chain);
    const thresholds = {
      yellowMonths: settings["warnings.yellowMonths"].value as number,
      orangeMonths: settings["warnings.orangeMonths"].value as number,
      redMonths: settings["warnings.redMonths"].value as number,
    };
    const thisMonth = DateTime.fromJSDate(now, { zone }).startOf("month");
    const from = thisMonth.minus({ months: LOOKBACK_MONTHS });
    const lines = await this.meetings.attendanceOfBranch(branch.id, from.toJSDate(), now);
    const exempt = new Set(
      (await this.members.listByBranch(branch.id)).filter((m) => m.exemptReason).map((m) => m.id),
    );
    const byMember = new Map<
      string,
      {
        name: string;
        months: Map<string, { outcome: string; reason: string | null }[]>;
        lastAttended: Date | null;
      }
    >();
    // Many lines share a meeting: each meeting's month is worked out once.
    const monthOf = new Map<number, string>();
    for (const line of lines) {
      const entry = byMember.get(line.memberId) ?? { name: line.name, months: new Map(), lastAttended: null };
      const instant = line.meeting.startsAt.getTime();
      let month = monthOf.get(instant);
      if (month === undefined) {
        month = DateTime.fromMillis(instant, { zone }).toFormat("yyyy-MM");
        monthOf.set(instant, month);
      }
      entry.months.set(month, [
        ...(entry.months.get(month) ?? []),
        { outcome: line.outcome, reason: line.reason },
      ]);
      if (
        (line.outcome === "present" || line.outcome === "late") &&
        (!entry.lastAttended || line.meeting.startsAt > entry.lastAttended)
      ) {
        entry.lastAttended = line.meeting.startsAt;
      }
      byMember.set(line.memberId, entry);
    }
    const warnings: AbsenceWarning[] = [];
    const monthKeys = Array.from({ length: LOOKBACK_MONTHS }, (_, i) =>
      thisMonth.minus({ months: i + 1 }).toFormat("yyyy-MM"),
    );
    const monthKey = (i: number) => monthKeys[i] ?? "";
    const currentMonth = thisMonth.toFormat("yyyy-MM");
    for (const [memberId, entry] of byMember) {
      if (exempt.has(memberId)) continue;
      // Taking part this month ends the run at once, before the month is over.
      if (monthRecord(entry.months.get(currentMonth) ?? []) === "attended") continue;
      const newestFirst = Array.from({ length: LOOKBACK_MONTHS }, (_, i) =>
        monthRecord(entry.months.get(monthKey(i)) ?? []),
      );
      const run = missedRun(newestFirst);
      const months = run.count;
      const level = warningLevel(months, thresholds);
      if (level) {
        warnings.push({
          memberId,
          name: entry.name,
          reason: "attendance",
          level,
          months,
          lastAttended: entry.lastAttended
            ? DateTime.fromJSDate(entry.lastAttended, { zone }).toISODate()
            : null,
          fromMonth: monthKey(run.oldest),
          toMonth: monthKey(run.newest),
          sixMonthRule: months >= SIX_MONTHS,
        });
      }
    }
    // Dues are their own reason: a member who attends every meeting but has not paid for six
    // months is flagged all the same.
    for (const s of await this.dues.standing(branch.id, now, zone)) {
      const level = warningLevel(s.streak, thresholds);
      if (level)
        warnings.push({
          memberId: s.memberId,
          name: s.name,
          reason: "dues",
          level,
          months: s.streak,
          lastAttended: null,
          fromMonth: s.arrears.slice(-s.streak)[0] ?? "",
          toMonth: s.arrears.at(-1) ?? "",
          sixMonthRule: s.streak >= SIX_MONTHS,
        });
    }
    return warnings.sort((a, b) => b.months - a.months || a.reason.localeCompare(b.reason));
  }
}

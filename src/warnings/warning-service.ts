// Absence warnings (黄橙红) per branch, from the frozen ledgers of closed meetings, for the
// secretary's eyes only.
import { DateTime } from "luxon";
import type { AccessRepository } from "../access/access-repository.js";
import type { AccessService } from "../access/access-service.js";
import type { DuesService } from "../dues/dues-service.js";
import type { MeetingRepository } from "../meetings/meeting-repository.js";
import type { OrganizationRepository, OrgRecord } from "../organization/organization-repository.js";
import { effectiveSettings } from "../organization/settings.js";
import { consecutiveMissed, monthRecord, type WarningLevel, warningLevel } from "./absence-rules.js";

const LOOKBACK_MONTHS = 12;

export interface AbsenceWarning {
  memberId: string;
  name: string;
  /** Missed organisational life, or unpaid dues: each is its own ladder, shown apart. */
  reason: "attendance" | "dues";
  level: WarningLevel;
  months: number;
  lastAttended: string | null;
  /** Six months or more: one of the 党章's conditions for being regarded as having left. */
  sixMonthRule: boolean;
}

/** The 党章's six months (attendance, dues). */
export const SIX_MONTHS = 6;

export class WarningService {
  constructor(
    private readonly meetings: MeetingRepository,
    private readonly orgs: OrganizationRepository,
    private readonly access: AccessService,
    private readonly roles: AccessRepository,
    private readonly dues: DuesService,
    private readonly defaultTimeZone: string,
  ) {}

  branches(): Promise<OrgRecord[]> {
    return this.orgs.allOfKind("branch");
  }

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

  /** Warnings as of the last complete month in the branch's time zone. */
  async forBranch(branch: OrgRecord, now: Date): Promise<AbsenceWarning[]> {
    const chain = await this.orgs.chain(branch.id);
    const zone = chain.find((o) => o.timeZone)?.timeZone ?? this.defaultTimeZone;
    const settings = effectiveSettings(chain);
    const thresholds = {
      yellowMonths: settings["warnings.yellowMonths"].value as number,
      orangeMonths: settings["warnings.orangeMonths"].value as number,
      redMonths: settings["warnings.redMonths"].value as number,
    };
    const thisMonth = DateTime.fromJSDate(now, { zone }).startOf("month");
    const from = thisMonth.minus({ months: LOOKBACK_MONTHS });
    const lines = await this.meetings.attendanceOfBranch(branch.id, from.toJSDate(), thisMonth.toJSDate());
    const byMember = new Map<
      string,
      {
        name: string;
        months: Map<string, { outcome: string; reason: string | null }[]>;
        lastAttended: Date | null;
      }
    >();
    for (const line of lines) {
      const entry = byMember.get(line.memberId) ?? { name: line.name, months: new Map(), lastAttended: null };
      const month = DateTime.fromJSDate(line.meeting.startsAt, { zone }).toFormat("yyyy-MM");
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
    for (const [memberId, entry] of byMember) {
      const newestFirst = Array.from({ length: LOOKBACK_MONTHS }, (_, i) =>
        monthRecord(entry.months.get(thisMonth.minus({ months: i + 1 }).toFormat("yyyy-MM")) ?? []),
      );
      const months = consecutiveMissed(newestFirst);
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
          sixMonthRule: s.streak >= SIX_MONTHS,
        });
    }
    return warnings.sort((a, b) => b.months - a.months || a.reason.localeCompare(b.reason));
  }
}

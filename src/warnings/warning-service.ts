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
import {
  type AbsenceWarning,
  attendanceWarnings,
  duesWarnings,
  historiesOf,
  LOOKBACK_MONTHS,
} from "./warning-ladders.js";

export { type AbsenceWarning, SIX_MONTHS } from "./warning-ladders.js";

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
   * Warnings as of today in the branch's time zone (warning-ladders.ts). Approved leave and other
   * good reasons are not missed months; members the branch excused from organisational life
   * (年老体弱、长期患病) are not warned for absence.
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
    const warnings = [
      ...attendanceWarnings(historiesOf(lines, zone), thisMonth, thresholds, exempt),
      ...duesWarnings(await this.dues.standing(branch.id, now, zone), thresholds),
    ];
    return warnings.sort((a, b) => b.months - a.months || a.reason.localeCompare(b.reason));
  }
}

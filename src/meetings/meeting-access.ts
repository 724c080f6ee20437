// What every part of the meetings slice uses (meetings.ts composes them): the organisation's time
// zone, finding a meeting the actor may see or manage, who is expected (the audience), the
// ledger, small checks. Other slices read meetings through it.
import type { AccessRepository } from "../access/access-repository.js";
import type { AccessService } from "../access/access-service.js";
import type { AuditRepository } from "../audit/audit-repository.js";
import { DomainError } from "../core/domain-error.js";
import { shortCode } from "../core/short-code.js";
import type { TallyKeeper } from "../leaderboard/tally-keeper.js";
import type { MemberRecord, MemberRepository } from "../membership/member-repository.js";
import type { OrgZones } from "../organization/org-zones.js";
import type { OrganizationRepository } from "../organization/organization-repository.js";
import type { AttendanceRepository } from "./attendance-repository.js";
import type { LeaveRepository } from "./leave-repository.js";
import {
  type AbsenceReason,
  computeLedger,
  type ExpectedMember,
  type Ledger,
  ledgerFromFrozen,
} from "./ledger.js";
import type { MeetingRecord, MeetingRepository } from "./meeting-repository.js";
import { AUDIENCE, COMMITTEE_ROLES, type MeetingType } from "./meeting-types.js";

export type { ScheduleInput } from "./schedule-input.js";

/** What every part of the meetings slice works with. */
export interface MeetingDeps {
  meetings: MeetingRepository;
  attendance: AttendanceRepository;
  leaves: LeaveRepository;
  members: MemberRepository;
  orgs: OrganizationRepository;
  access: AccessService;
  roles: AccessRepository;
  audit: AuditRepository;
  tallies: TallyKeeper;
  zones: OrgZones;
}

export type EditableField = "time" | "place" | "topic" | "host" | "recorder";
export type MinutesField = "content" | "resolutions" | "photo";

export class MeetingAccess {
  constructor(readonly deps: MeetingDeps) {}

  async find(code: string): Promise<MeetingRecord> {
    const meeting = await this.deps.meetings.findByCode(code);
    if (!meeting) throw new DomainError("meetings.notFound", { code });
    return meeting;
  }

  /** A meeting the actor may see; others are answered as not found, so codes reveal nothing. */
  async visible(actorId: string | null, code: string): Promise<MeetingRecord> {
    const meeting = await this.find(code);
    const roles = await this.deps.access.rolesIn(actorId, meeting.groupId ?? meeting.organizationId);
    if (!roles.includes("member") && !roles.some((r) => r !== "anyone" && r !== "member")) {
      throw new DomainError("meetings.notFound", { code });
    }
    return meeting;
  }

  async manageable(actorId: string, code: string): Promise<MeetingRecord> {
    const meeting = await this.visible(actorId, code);
    if (meeting.type === "group_meeting" && meeting.groupId)
      await this.deps.access.require(actorId, meeting.groupId, "group_leader");
    else await this.deps.access.require(actorId, meeting.organizationId, "secretary");
    return meeting;
  }
  // Who is expected.

  /** Whether a member of the branch is expected, without listing the whole branch. */
  async inAudience(member: MemberRecord, meeting: MeetingRecord): Promise<boolean> {
    switch (AUDIENCE[meeting.type as MeetingType] ?? "all") {
      case "group":
        return member.groupId === meeting.groupId;
      case "committee":
        return (await this.committee(meeting.organizationId)).has(member.personId ?? "");
      default:
        return true;
    }
  }

  async expectedCount(meeting: Pick<MeetingRecord, "type" | "organizationId" | "groupId">): Promise<number> {
    switch (AUDIENCE[meeting.type as MeetingType] ?? "all") {
      case "group":
        return this.deps.members.countActive(meeting.organizationId, meeting.groupId);
      case "committee":
        return (await this.audience(meeting)).length;
      default:
        return this.deps.members.countActive(meeting.organizationId, null);
    }
  }

  async committee(branchId: string): Promise<Set<string>> {
    const holders = await this.deps.roles.holders(branchId);
    return new Set(
      holders.filter((h) => (COMMITTEE_ROLES as readonly string[]).includes(h.role)).map((h) => h.personId),
    );
  }

  async audience(
    meeting: Pick<MeetingRecord, "type" | "organizationId" | "groupId">,
  ): Promise<ExpectedMember[]> {
    let members: MemberRecord[];
    const all = await this.deps.members.listByBranch(meeting.organizationId);
    switch (AUDIENCE[meeting.type as MeetingType] ?? "all") {
      case "group":
        members = all.filter((m) => m.groupId === meeting.groupId);
        break;
      case "committee": {
        const committee = await this.committee(meeting.organizationId);
        members = all.filter((m) => m.personId && committee.has(m.personId));
        break;
      }
      default:
        members = all;
    }
    return members.map((m) => ({ memberId: m.id, name: m.name, voting: m.status === "full" }));
  }

  /** The member record of a person for this meeting; refused when the meeting is not theirs. */
  /** An open meeting and the actor's membership in its audience, found in one query. */
  async openAsAttendee(
    personId: string,
    code: string,
  ): Promise<{ meeting: MeetingRecord; member: MemberRecord }> {
    const found = await this.deps.meetings.findByCodeWithMember(code, personId);
    if (!found) throw new DomainError("meetings.notFound", { code });
    const { meeting, member } = found;
    this.mustBeOpen(meeting);
    if (!member || !(await this.inAudience(member, meeting)))
      throw new DomainError("meetings.notYourMeeting", {}, "private");
    return { meeting, member };
  }

  async byId(meetingId: string): Promise<MeetingRecord> {
    const meeting = await this.deps.meetings.findById(meetingId);
    if (!meeting) throw new DomainError("meetings.notFound", { code: meetingId });
    return meeting;
  }
  // Helpers.

  mustBeOpen(meeting: MeetingRecord): void {
    const { code } = meeting;
    if (meeting.status === "cancelled") throw new DomainError("meetings.cancelled", { code });
    if (meeting.status === "closed") throw new DomainError("meetings.alreadyClosed", { code });
  }

  async memberOfBranch(code: string, branchId: string): Promise<MemberRecord> {
    const member = await this.deps.members.findByCode(code);
    if (!member || member.organizationId !== branchId || member.state !== "active")
      throw new DomainError("members.unknown", { code });
    return member;
  }

  async freshCode(): Promise<string> {
    for (;;) {
      const code = `H${shortCode(4)}`;
      if (!(await this.deps.meetings.codeTaken(code))) return code;
    }
  }

  // The ledger.

  async ledger(meeting: MeetingRecord): Promise<Ledger> {
    if (meeting.status === "closed") {
      return ledgerFromFrozen(meeting.type as MeetingType, await this.deps.attendance.attendees(meeting.id));
    }
    const [expected, checkIns, leaves, notes] = await Promise.all([
      this.audience(meeting),
      this.deps.attendance.checkIns(meeting.id),
      this.deps.leaves.leaves(meeting.id),
      this.deps.attendance.absenceNotes(meeting.id),
    ]);
    return computeLedger({
      type: meeting.type as MeetingType,
      expected,
      checkIns,
      approvedLeave: new Set(leaves.filter((l) => l.status === "approved").map((l) => l.memberId)),
      notes: new Map(notes.map((n) => [n.memberId, { reason: n.reason as AbsenceReason, note: n.note }])),
    });
  }
}

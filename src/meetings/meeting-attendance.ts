// Before and during a meeting: responses (参加), leave requests and decisions, check-in with the
// optional sign-in code, who has not checked in, and absence reasons.

import { randomInt } from "node:crypto";
import { DomainError } from "../core/domain-error.js";
import { shortCode } from "../core/short-code.js";
import type { OrgRecord } from "../organization/organization-repository.js";
import { checkInTiming } from "./check-in-rules.js";
import type { AbsenceReason, ExpectedMember } from "./ledger.js";
import type { MeetingAccess, MeetingDeps } from "./meeting-access.js";
import type { MeetingRecord } from "./meeting-repository.js";

export class MeetingAttendance {
  constructor(
    private readonly deps: MeetingDeps,
    private readonly lookup: MeetingAccess,
  ) {}

  // Responses and leave.

  async respond(personId: string, code: string, now: Date) {
    const { meeting, member } = await this.lookup.openAsAttendee(personId, code);
    await this.deps.attendance.respond(meeting.id, member.id, "attend", now);
    return { meeting, member };
  }

  /**
   * Whether the person may still ask for leave from the meeting: it is theirs, open, ahead and
   * not checked in to. Checked before the reason is asked, so a closed meeting says so at once.
   */
  async mayAskLeave(personId: string, code: string, now: Date) {
    const { meeting, member } = await this.lookup.openAsAttendee(personId, code);
    if (now >= meeting.startsAt) throw new DomainError("meetings.leaveTooLate");
    if (await this.deps.attendance.findCheckIn(meeting.id, member.id))
      throw new DomainError("meetings.alreadyCheckedIn");
    return { meeting, member };
  }

  async requestLeave(personId: string, code: string, reason: string, now: Date) {
    const { meeting, member } = await this.mayAskLeave(personId, code, now);
    const leave = await this.deps.leaves.putLeave({
      code: `L${shortCode(5)}`,
      meetingId: meeting.id,
      memberId: member.id,
      reason,
      createdAt: now,
    });
    return { meeting, member, leave };
  }

  async decideLeave(actorId: string, leaveCode: string, approve: boolean, note: string | null, now: Date) {
    const leave = await this.deps.leaves.findLeaveByCode(leaveCode);
    if (!leave) throw new DomainError("meetings.leaveNotFound", { code: leaveCode });
    const meeting = await this.lookup.manageable(actorId, leave.meeting.code).catch(() => {
      throw new DomainError("meetings.leaveNotFound", { code: leaveCode });
    });
    const member = await this.deps.members.findById(leave.memberId);
    // Nobody decides their own leave: the organisation above (whose secretaries and
    // administrators may decide the branch's leave) or another secretary of the branch does.
    if (member?.personId === actorId) throw new DomainError("meetings.ownLeave", {}, "private");
    const status = approve ? "approved" : "rejected";
    if (
      !(await this.deps.leaves.decideLeave(leaveCode, {
        status,
        decidedById: actorId,
        decidedAt: now,
        decisionNote: note,
      }))
    ) {
      throw new DomainError("meetings.leaveDecided", { code: leaveCode });
    }
    await this.deps.audit
      .by(actorId, now)
      .did(meeting.organizationId, `leave.${status}`, { leave: leaveCode });
    return { meeting, leave: { ...leave, status }, member };
  }

  async pendingLeaves(actorId: string, org: OrgRecord) {
    await this.deps.access.require(actorId, org.id, "secretary");
    return this.deps.leaves.pendingLeaves([org.id]);
  }

  async leavesOf(personId: string) {
    const memberships = await this.deps.members.activeOf(personId);
    const all = await Promise.all(memberships.map((m) => this.deps.leaves.leavesOfMember(m.id, 20)));
    return all.flat();
  }

  // Check-in.

  async checkIn(
    personId: string,
    code: string,
    signinCode: string | null,
    via: "button" | "command",
    now: Date,
  ) {
    const { meeting, member } = await this.lookup.openAsAttendee(personId, code);
    const already = async () => {
      const existing = await this.deps.attendance.findCheckIn(meeting.id, member.id);
      return existing ? { meeting, member, already: true, late: existing.late, at: existing.at } : null;
    };
    const timing = checkInTiming(meeting, now);
    const refusal =
      timing === "not_open"
        ? new DomainError("meetings.checkInNotOpen")
        : timing === "closed"
          ? new DomainError("meetings.checkInClosed")
          : meeting.checkInCode && !signinCode
            ? new DomainError("meetings.checkInCodeNeeded", { code })
            : meeting.checkInCode && signinCode !== meeting.checkInCode
              ? new DomainError("meetings.checkInCodeWrong")
              : null;
    // Someone already checked in is told so, whatever the clock or the code says now.
    if (refusal) {
      const first = await already();
      if (first) return first;
      throw refusal;
    }
    const late = timing === "late";
    if (
      await this.deps.attendance.checkIn({ meetingId: meeting.id, memberId: member.id, at: now, late, via })
    )
      return { meeting, member, already: false, late, at: now };
    const first = await already();
    // Closed or cancelled between reading it and checking in.
    if (!first) throw new DomainError("meetings.checkInClosed");
    return first;
  }

  async rotateCheckInCode(
    actorId: string,
    code: string,
    now: Date,
  ): Promise<{ meeting: MeetingRecord; signinCode: string }> {
    const meeting = await this.lookup.manageable(actorId, code);
    if (meeting.status !== "scheduled") throw new DomainError("meetings.notScheduled", { code });
    const signinCode = String(randomInt(1000, 10000));
    const updated = await this.deps.meetings.update(meeting.id, { checkInCode: signinCode });
    await this.deps.audit.by(actorId, now).did(meeting.organizationId, "meeting.checkin_code", { code });
    return { meeting: updated, signinCode };
  }

  async notCheckedIn(actorId: string, code: string): Promise<ExpectedMember[]> {
    const meeting = await this.lookup.manageable(actorId, code);
    const ledger = await this.lookup.ledger(meeting);
    return ledger.lines.filter((l) => l.outcome === "absent");
  }

  async noteAbsence(
    actorId: string,
    code: string,
    memberCode: string,
    reason: AbsenceReason,
    note: string | null,
    now: Date,
  ) {
    const meeting = await this.lookup.manageable(actorId, code);
    const member = await this.lookup.memberOfBranch(memberCode, meeting.organizationId);
    if (meeting.status === "closed") throw new DomainError("meetings.closedUseCorrect", { code });
    // Someone who checked in was there: an absence reason for them would contradict the record.
    if (await this.deps.attendance.findCheckIn(meeting.id, member.id))
      throw new DomainError("meetings.absentButPresent", { name: member.name });
    await this.deps.attendance.putAbsenceNote({
      meetingId: meeting.id,
      memberId: member.id,
      reason,
      note,
      at: now,
    });
    return { meeting, member };
  }
}

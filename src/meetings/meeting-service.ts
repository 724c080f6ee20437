// 三会一课 and the theme party day: scheduling, responses, leave, check-in, minutes, closing and
// the attendance ledger, each action checked against the actor's role in the meeting's branch.

import { randomInt } from "node:crypto";
import { DateTime } from "luxon";
import type { AccessRepository } from "../access/access-repository.js";
import type { AccessService } from "../access/access-service.js";
import type { AuditRepository } from "../audit/audit-repository.js";
import { DomainError } from "../core/domain-error.js";
import { shortCode } from "../core/short-code.js";
import type { TallyKeeper } from "../leaderboard/tally-keeper.js";
import type { MemberRecord, MemberRepository } from "../membership/member-repository.js";
import type { OrganizationRepository, OrgRecord } from "../organization/organization-repository.js";
import { effectiveSettings, type Frequency } from "../organization/settings.js";
import { checkInTiming } from "./check-in-rules.js";
import {
  type AbsenceReason,
  closeLedger,
  computeLedger,
  type ExpectedMember,
  type Ledger,
} from "./ledger.js";
import type { MeetingRecord, MeetingRepository } from "./meeting-repository.js";
import {
  AUDIENCE,
  COMMITTEE_ROLES,
  FREQUENCY_SETTING,
  MEETING_TYPES,
  type MeetingType,
} from "./meeting-types.js";
import { type Obligation, obligations, politicalBirthdays } from "./obligations.js";
import { localMonth, type PeriodKind, periodOf } from "./periods.js";

export interface ScheduleInput {
  type: MeetingType;
  startsAt: Date;
  place: string;
  topic: string;
  online: boolean;
  hostCode?: string;
  recorderCode?: string;
  groupCode?: string;
  /** Occurrences, one a month from the first; 1 for a one-off meeting. */
  occurrences: number;
}

export type EditableField = "time" | "place" | "topic" | "host" | "recorder";
export type MinutesField = "content" | "resolutions" | "photo";

export class MeetingService {
  constructor(
    private readonly meetings: MeetingRepository,
    private readonly members: MemberRepository,
    private readonly orgs: OrganizationRepository,
    private readonly access: AccessService,
    private readonly roles: AccessRepository,
    private readonly audit: AuditRepository,
    private readonly tallies: TallyKeeper,
    private readonly defaultTimeZone: string,
  ) {}

  /** The organisation's time zone; `known` is a chain already loaded that may contain it. */
  async zoneOf(organizationId: string, known: readonly OrgRecord[] = []): Promise<string> {
    const at = known.findIndex((o) => o.id === organizationId);
    const chain = at >= 0 ? known.slice(at) : await this.orgs.chain(organizationId);
    return chain.find((o) => o.timeZone)?.timeZone ?? this.defaultTimeZone;
  }

  // Scheduling.

  async schedule(actorId: string, org: OrgRecord, input: ScheduleInput, now: Date): Promise<MeetingRecord[]> {
    const branch = org.kind === "group" && org.parentId ? await this.orgs.findById(org.parentId) : org;
    if (branch?.kind !== "branch") throw new DomainError("meetings.needsBranch");
    let group: OrgRecord | null = null;
    if (input.type === "group_meeting") {
      group = input.groupCode
        ? await this.orgs.findByCode(input.groupCode)
        : org.kind === "group"
          ? org
          : null;
      if (!group || group.parentId !== branch.id) throw new DomainError("meetings.groupRequired");
      await this.access.require(actorId, group.id, "group_leader");
    } else {
      await this.access.require(actorId, branch.id, "secretary");
    }
    if (input.startsAt <= now) throw new DomainError("meetings.inPast");
    const host = input.hostCode ? await this.#memberOfBranch(input.hostCode, branch.id) : null;
    const recorder = input.recorderCode ? await this.#memberOfBranch(input.recorderCode, branch.id) : null;
    const settings = effectiveSettings(await this.orgs.chain(branch.id));
    const checklist = input.type === "theme_day" ? (settings["themeDay.items"].value as string[]) : [];
    const zone = await this.zoneOf(branch.id);
    const seriesId = input.occurrences > 1 ? `S${shortCode(8)}` : null;
    const created: MeetingRecord[] = [];
    for (let i = 0; i < input.occurrences; i++) {
      const startsAt = DateTime.fromJSDate(input.startsAt, { zone }).plus({ months: i }).toJSDate();
      created.push(
        await this.meetings.create({
          code: await this.#freshCode(),
          organizationId: branch.id,
          groupId: group?.id ?? null,
          type: input.type,
          topic: input.topic,
          startsAt,
          place: input.place,
          online: input.online,
          hostMemberId: host?.id ?? null,
          recorderMemberId: recorder?.id ?? null,
          seriesId,
          checkInOpensMinutes: settings["checkIn.opensMinutesBefore"].value as number,
          checkInClosesMinutes: settings["checkIn.closesMinutesAfter"].value as number,
          checklist: JSON.stringify(checklist),
          createdById: actorId,
        }),
      );
    }
    await this.audit.record({
      at: now,
      actorPersonId: actorId,
      organizationId: branch.id,
      action: "meeting.schedule",
      details: { codes: created.map((m) => m.code), type: input.type },
    });
    return created;
  }

  /** The theme party days of the next months, on the day and time the county (or branch) set. */
  async scheduleThemeDays(
    actorId: string,
    org: OrgRecord,
    months: number,
    now: Date,
  ): Promise<MeetingRecord[]> {
    const zone = await this.zoneOf(org.id);
    const settings = effectiveSettings(await this.orgs.chain(org.id));
    const day = settings["themeDay.dayOfMonth"].value as number;
    const [hour, minute] = (settings["themeDay.time"].value as string).split(":").map(Number);
    let first = DateTime.fromJSDate(now, { zone }).set({
      day,
      hour: hour ?? 9,
      minute: minute ?? 0,
      second: 0,
      millisecond: 0,
    });
    if (first.toJSDate() <= now) first = first.plus({ months: 1 });
    return this.schedule(
      actorId,
      org,
      {
        type: "theme_day",
        startsAt: first.toJSDate(),
        place: "党员活动室",
        topic: "主题党日",
        online: false,
        occurrences: months,
      },
      now,
    );
  }

  async find(code: string): Promise<MeetingRecord> {
    const meeting = await this.meetings.findByCode(code);
    if (!meeting) throw new DomainError("meetings.notFound", { code });
    return meeting;
  }

  /** A meeting the actor may see; others are answered as not found, so codes reveal nothing. */
  async visible(actorId: string | null, code: string): Promise<MeetingRecord> {
    const meeting = await this.find(code);
    const roles = await this.access.rolesIn(actorId, meeting.groupId ?? meeting.organizationId);
    if (!roles.includes("member") && !roles.some((r) => r !== "anyone" && r !== "member")) {
      throw new DomainError("meetings.notFound", { code });
    }
    return meeting;
  }

  async #manageable(actorId: string, code: string): Promise<MeetingRecord> {
    const meeting = await this.visible(actorId, code);
    if (meeting.type === "group_meeting" && meeting.groupId)
      await this.access.require(actorId, meeting.groupId, "group_leader");
    else await this.access.require(actorId, meeting.organizationId, "secretary");
    return meeting;
  }

  async edit(
    actorId: string,
    code: string,
    change: { field: EditableField; value: string; startsAt?: Date },
    now: Date,
  ) {
    const meeting = await this.#manageable(actorId, code);
    if (meeting.status !== "scheduled") throw new DomainError("meetings.notScheduled", { code });
    const data: Record<string, unknown> = {};
    switch (change.field) {
      case "time":
        if (!change.startsAt || change.startsAt <= now) throw new DomainError("meetings.inPast");
        data.startsAt = change.startsAt;
        break;
      case "place":
        data.place = change.value;
        break;
      case "topic":
        data.topic = change.value;
        break;
      case "host":
        data.hostMemberId = (await this.#memberOfBranch(change.value, meeting.organizationId)).id;
        break;
      case "recorder":
        data.recorderMemberId = (await this.#memberOfBranch(change.value, meeting.organizationId)).id;
        break;
    }
    const updated = await this.meetings.update(meeting.id, data);
    await this.audit.record({
      at: now,
      actorPersonId: actorId,
      organizationId: meeting.organizationId,
      action: "meeting.edit",
      details: { code, field: change.field, value: change.value },
    });
    return updated;
  }

  async cancel(actorId: string, code: string, reason: string | null, now: Date) {
    const meeting = await this.#manageable(actorId, code);
    if (meeting.status !== "scheduled") throw new DomainError("meetings.notScheduled", { code });
    const updated = await this.meetings.update(meeting.id, { status: "cancelled", cancelReason: reason });
    await this.audit.record({
      at: now,
      actorPersonId: actorId,
      organizationId: meeting.organizationId,
      action: "meeting.cancel",
      details: { code, reason },
    });
    return updated;
  }

  // Who is expected.

  /** Whether a member of the branch is expected, without listing the whole branch. */
  async #inAudience(member: MemberRecord, meeting: MeetingRecord): Promise<boolean> {
    switch (AUDIENCE[meeting.type as MeetingType] ?? "all") {
      case "group":
        return member.groupId === meeting.groupId;
      case "committee":
        return (await this.#committee(meeting.organizationId)).has(member.personId ?? "");
      default:
        return true;
    }
  }

  async #expectedCount(meeting: MeetingRecord): Promise<number> {
    switch (AUDIENCE[meeting.type as MeetingType] ?? "all") {
      case "group":
        return this.members.countActive(meeting.organizationId, meeting.groupId);
      case "committee":
        return (await this.audience(meeting)).length;
      default:
        return this.members.countActive(meeting.organizationId, null);
    }
  }

  async #committee(branchId: string): Promise<Set<string>> {
    const holders = await this.roles.holders(branchId);
    return new Set(
      holders.filter((h) => (COMMITTEE_ROLES as readonly string[]).includes(h.role)).map((h) => h.personId),
    );
  }

  async audience(meeting: MeetingRecord): Promise<ExpectedMember[]> {
    let members: MemberRecord[];
    const all = await this.members.listByBranch(meeting.organizationId);
    switch (AUDIENCE[meeting.type as MeetingType] ?? "all") {
      case "group":
        members = all.filter((m) => m.groupId === meeting.groupId);
        break;
      case "committee": {
        const committee = await this.#committee(meeting.organizationId);
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
  async #openAsAttendee(
    personId: string,
    code: string,
  ): Promise<{ meeting: MeetingRecord; member: MemberRecord }> {
    const found = await this.meetings.findByCodeWithMember(code, personId);
    if (!found) throw new DomainError("meetings.notFound", { code });
    const { meeting, member } = found;
    this.#mustBeOpen(meeting);
    if (!member || !(await this.#inAudience(member, meeting)))
      throw new DomainError("meetings.notYourMeeting", {}, "private");
    return { meeting, member };
  }

  // Responses and leave.

  async respond(personId: string, code: string, now: Date) {
    const { meeting, member } = await this.#openAsAttendee(personId, code);
    await this.meetings.respond(meeting.id, member.id, "attend", now);
    return { meeting, member };
  }

  async requestLeave(personId: string, code: string, reason: string, now: Date) {
    const { meeting, member } = await this.#openAsAttendee(personId, code);
    if (now >= meeting.startsAt) throw new DomainError("meetings.leaveTooLate");
    if (await this.meetings.findCheckIn(meeting.id, member.id))
      throw new DomainError("meetings.alreadyCheckedIn");
    const leave = await this.meetings.putLeave({
      code: `L${shortCode(5)}`,
      meetingId: meeting.id,
      memberId: member.id,
      reason,
      createdAt: now,
    });
    return { meeting, member, leave };
  }

  async decideLeave(actorId: string, leaveCode: string, approve: boolean, note: string | null, now: Date) {
    const leave = await this.meetings.findLeaveByCode(leaveCode);
    if (!leave) throw new DomainError("meetings.leaveNotFound", { code: leaveCode });
    const meeting = await this.#manageable(actorId, leave.meeting.code).catch(() => {
      throw new DomainError("meetings.leaveNotFound", { code: leaveCode });
    });
    const status = approve ? "approved" : "rejected";
    if (
      !(await this.meetings.decideLeave(leaveCode, {
        status,
        decidedById: actorId,
        decidedAt: now,
        decisionNote: note,
      }))
    ) {
      throw new DomainError("meetings.leaveDecided", { code: leaveCode });
    }
    const member = await this.members.findById(leave.memberId);
    await this.audit.record({
      at: now,
      actorPersonId: actorId,
      organizationId: meeting.organizationId,
      action: `leave.${status}`,
      details: { leave: leaveCode },
    });
    return { meeting, leave: { ...leave, status }, member };
  }

  async pendingLeaves(actorId: string, org: OrgRecord) {
    await this.access.require(actorId, org.id, "secretary");
    return this.meetings.pendingLeaves([org.id]);
  }

  async leavesOf(personId: string) {
    const memberships = await this.members.activeOf(personId);
    const all = await Promise.all(memberships.map((m) => this.meetings.leavesOfMember(m.id, 20)));
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
    const { meeting, member } = await this.#openAsAttendee(personId, code);
    const already = async () => {
      const existing = await this.meetings.findCheckIn(meeting.id, member.id);
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
    if (await this.meetings.checkIn({ meetingId: meeting.id, memberId: member.id, at: now, late, via }))
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
    const meeting = await this.#manageable(actorId, code);
    if (meeting.status !== "scheduled") throw new DomainError("meetings.notScheduled", { code });
    const signinCode = String(randomInt(1000, 10000));
    const updated = await this.meetings.update(meeting.id, { checkInCode: signinCode });
    await this.audit.record({
      at: now,
      actorPersonId: actorId,
      organizationId: meeting.organizationId,
      action: "meeting.checkin_code",
      details: { code },
    });
    return { meeting: updated, signinCode };
  }

  async notCheckedIn(actorId: string, code: string): Promise<ExpectedMember[]> {
    const meeting = await this.#manageable(actorId, code);
    const ledger = await this.ledger(meeting);
    return ledger.lines.filter((l) => l.outcome === "absent");
  }

  // Minutes, checklist, absence reasons, closing.

  async #minutesWriter(actorId: string, code: string): Promise<MeetingRecord> {
    const meeting = await this.visible(actorId, code);
    const writers = [meeting.hostMemberId, meeting.recorderMemberId].filter(Boolean);
    const mine = await this.members.activeInBranchOf(actorId, meeting.organizationId);
    if (mine && writers.includes(mine.id)) return meeting;
    return this.#manageable(actorId, code);
  }

  async recordMinutes(actorId: string, code: string, field: MinutesField, text: string, now: Date) {
    const meeting = await this.#minutesWriter(actorId, code);
    if (meeting.status === "closed") throw new DomainError("meetings.closedUseCorrect", { code });
    if (meeting.status === "cancelled") throw new DomainError("meetings.notScheduled", { code });
    const data =
      field === "photo"
        ? { photos: JSON.stringify([...(JSON.parse(meeting.photos) as string[]), text]) }
        : field === "content"
          ? { content: text }
          : { resolutions: text };
    await this.meetings.update(meeting.id, data);
    await this.audit.record({
      at: now,
      actorPersonId: actorId,
      organizationId: meeting.organizationId,
      action: "meeting.minutes",
      details: { code, field },
    });
    return meeting;
  }

  async tick(actorId: string, code: string, item: number, now: Date) {
    const meeting = await this.#minutesWriter(actorId, code);
    const checklist = JSON.parse(meeting.checklist) as string[];
    const name = checklist[item - 1];
    if (!name) throw new DomainError("meetings.noSuchItem", { count: checklist.length });
    const done = new Set(JSON.parse(meeting.checklistDone) as string[]);
    done.add(name);
    const ordered = checklist.filter((c) => done.has(c));
    await this.meetings.update(meeting.id, { checklistDone: JSON.stringify(ordered) });
    await this.audit.record({
      at: now,
      actorPersonId: actorId,
      organizationId: meeting.organizationId,
      action: "meeting.tick",
      details: { code, item: name },
    });
    return { meeting, item: name, done: ordered.length, total: checklist.length };
  }

  async noteAbsence(
    actorId: string,
    code: string,
    memberCode: string,
    reason: AbsenceReason,
    note: string | null,
    now: Date,
  ) {
    const meeting = await this.#manageable(actorId, code);
    const member = await this.#memberOfBranch(memberCode, meeting.organizationId);
    if (meeting.status === "closed") throw new DomainError("meetings.closedUseCorrect", { code });
    await this.meetings.putAbsenceNote({ meetingId: meeting.id, memberId: member.id, reason, note, at: now });
    return { meeting, member };
  }

  async close(actorId: string, code: string, now: Date) {
    const meeting = await this.#manageable(actorId, code);
    if (meeting.status !== "scheduled") throw new DomainError("meetings.notScheduled", { code });
    if (now < meeting.startsAt) throw new DomainError("meetings.notYetHeld");
    if (!meeting.content?.trim()) throw new DomainError("meetings.minutesMissing", { code });
    const ledger = await this.ledger(meeting);
    const lines = closeLedger(ledger);
    await this.meetings.freezeAttendees(
      lines.map((l) => ({
        meetingId: meeting.id,
        memberId: l.memberId,
        name: l.name,
        voting: l.voting,
        outcome: l.outcome,
        reason: l.reason,
        note: l.note,
      })),
    );
    const closed = await this.meetings.update(meeting.id, {
      status: "closed",
      closedAt: now,
      closedById: actorId,
    });
    await this.tallies.touched(meeting.organizationId, meeting.startsAt, now);
    await this.audit.record({
      at: now,
      actorPersonId: actorId,
      organizationId: meeting.organizationId,
      action: "meeting.close",
      details: { code, expected: ledger.expected, present: ledger.present },
    });
    return { meeting: closed, ledger, markedUnexcused: ledger.unexplained };
  }

  /** After closing, the record changes only through an explicit, logged correction. */
  async correct(
    actorId: string,
    code: string,
    change:
      | { field: "content" | "resolutions"; value: string }
      | { field: "reason"; memberCode: string; reason: AbsenceReason },
    now: Date,
  ) {
    const meeting = await this.#manageable(actorId, code);
    if (meeting.status !== "closed") throw new DomainError("meetings.correctOnlyClosed", { code });
    let before: unknown;
    if (change.field === "reason") {
      const member = await this.#memberOfBranch(change.memberCode, meeting.organizationId);
      const line = (await this.meetings.attendees(meeting.id)).find((a) => a.memberId === member.id);
      if (line?.outcome !== "absent") throw new DomainError("meetings.notAbsent", { name: member.name });
      before = line.reason;
      await this.meetings.updateAttendee(meeting.id, member.id, { reason: change.reason });
    } else {
      before = meeting[change.field];
      await this.meetings.update(meeting.id, { [change.field]: change.value });
    }
    await this.audit.record({
      at: now,
      actorPersonId: actorId,
      organizationId: meeting.organizationId,
      action: "meeting.correct",
      details: { code, field: change.field, before, after: "value" in change ? change.value : change.reason },
    });
    return meeting;
  }

  // The ledger.

  async ledger(meeting: MeetingRecord): Promise<Ledger> {
    if (meeting.status === "closed") {
      const frozen = await this.meetings.attendees(meeting.id);
      return computeLedger({
        type: meeting.type as MeetingType,
        expected: frozen.map((a) => ({ memberId: a.memberId, name: a.name, voting: a.voting })),
        checkIns: frozen
          .filter((a) => a.outcome === "present" || a.outcome === "late")
          .map((a) => ({ memberId: a.memberId, late: a.outcome === "late" })),
        approvedLeave: new Set(frozen.filter((a) => a.outcome === "leave").map((a) => a.memberId)),
        notes: new Map(
          frozen
            .filter((a) => a.outcome === "absent" && a.reason)
            .map((a) => [a.memberId, { reason: a.reason as AbsenceReason, note: a.note }]),
        ),
      });
    }
    const [expected, checkIns, leaves, notes] = await Promise.all([
      this.audience(meeting),
      this.meetings.checkIns(meeting.id),
      this.meetings.leaves(meeting.id),
      this.meetings.absenceNotes(meeting.id),
    ]);
    return computeLedger({
      type: meeting.type as MeetingType,
      expected,
      checkIns,
      approvedLeave: new Set(leaves.filter((l) => l.status === "approved").map((l) => l.memberId)),
      notes: new Map(notes.map((n) => [n.memberId, { reason: n.reason as AbsenceReason, note: n.note }])),
    });
  }

  async detail(actorId: string | null, code: string) {
    const meeting = await this.visible(actorId, code);
    const described = await this.#describe(meeting);
    const ledger = await this.ledger(meeting);
    return { ...described, ledger, expected: ledger.expected };
  }

  async #describe(meeting: MeetingRecord) {
    const [org, group, host, recorder, counts, zone] = await Promise.all([
      this.orgs.findById(meeting.organizationId),
      meeting.groupId ? this.orgs.findById(meeting.groupId) : Promise.resolve(null),
      meeting.hostMemberId ? this.members.findById(meeting.hostMemberId) : Promise.resolve(null),
      meeting.recorderMemberId ? this.members.findById(meeting.recorderMemberId) : Promise.resolve(null),
      this.meetings.counts(meeting.id),
      this.zoneOf(meeting.organizationId),
    ]);
    const birthdays =
      meeting.type === "theme_day"
        ? politicalBirthdays(
            await this.members.listByBranch(meeting.organizationId),
            localMonth(meeting.startsAt, zone),
          ).map((m) => m.name)
        : [];
    return { meeting, org, group, host, recorder, counts, zone, birthdays };
  }

  async byId(meetingId: string): Promise<MeetingRecord> {
    const meeting = await this.meetings.findById(meetingId);
    if (!meeting) throw new DomainError("meetings.notFound", { code: meetingId });
    return meeting;
  }

  /** Everything the announcement shows. */
  async announcement(meetingId: string) {
    const meeting = await this.byId(meetingId);
    return { ...(await this.#describe(meeting)), expected: await this.#expectedCount(meeting) };
  }

  // Views.

  async upcomingFor(personId: string, now: Date, take = 10) {
    const memberships = await this.members.activeOf(personId);
    const meetings = await this.meetings.upcoming(
      memberships.map((m) => m.organizationId),
      now,
      take * 2,
    );
    const mine = [];
    for (const meeting of meetings) {
      const member = memberships.find((m) => m.organizationId === meeting.organizationId);
      if (member && (await this.audience(meeting)).some((e) => e.memberId === member.id)) mine.push(meeting);
      if (mine.length >= take) break;
    }
    return mine;
  }

  /** Scheduled meetings (all organisations) starting in (from, to], for reminders. */
  startingIn(from: Date, to: Date): Promise<MeetingRecord[]> {
    return this.meetings.startingIn(from, to);
  }

  async upcomingOf(organizationId: string, now: Date, take = 10) {
    return this.meetings.upcoming([organizationId], now, take);
  }

  async obligations(
    actorId: string,
    org: OrgRecord,
    now: Date,
  ): Promise<{ rows: Obligation[]; groups: Map<string, string> }> {
    if (org.kind !== "branch") throw new DomainError("meetings.needsBranch");
    await this.access.require(actorId, org.id, "committee_member");
    return this.obligationsOf(org, now);
  }

  /** The branch's obligations without a permission check, for scheduled jobs. */
  async obligationsOf(
    org: OrgRecord,
    now: Date,
  ): Promise<{ rows: Obligation[]; groups: Map<string, string> }> {
    const zone = await this.zoneOf(org.id);
    const settings = effectiveSettings(await this.orgs.chain(org.id));
    const frequencies: Partial<Record<MeetingType, Frequency>> = {};
    for (const type of MEETING_TYPES) {
      const key = FREQUENCY_SETTING[type];
      if (key) frequencies[type] = settings[key].value as Frequency;
    }
    const year = periodOf(now, "year", zone);
    const meetings = await this.meetings.between(org.id, year.start, year.end);
    const groups = await this.orgs.children(org.id);
    const rows = obligations({
      now,
      zone,
      frequencies,
      groupIds: groups.map((g) => g.id),
      meetings: meetings.map((m) => ({
        type: m.type as MeetingType,
        groupId: m.groupId,
        startsAt: m.startsAt,
        status: m.status as "scheduled" | "cancelled" | "closed",
      })),
    });
    return { rows, groups: new Map(groups.map((g) => [g.id, g.name])) };
  }

  /** Present ÷ expected over a branch's closed meetings between two instants (null: none). */
  async attendanceRate(
    branchId: string,
    from: Date,
    to: Date,
  ): Promise<{ rate: number | null; meetings: number }> {
    const lines = await this.meetings.attendanceOfBranch(branchId, from, to);
    const attended = lines.filter((l) => l.outcome === "present" || l.outcome === "late").length;
    const meetings = new Set(lines.map((l) => l.meeting.startsAt.toISOString())).size;
    return { rate: lines.length === 0 ? null : attended / lines.length, meetings };
  }

  async attendanceOf(personId: string, now: Date) {
    const member = (await this.members.activeOf(personId))[0];
    if (!member) throw new DomainError("members.notAMember");
    const zone = await this.zoneOf(member.organizationId);
    const result = new Map<
      PeriodKind,
      { expected: number; present: number; late: number; leave: number; absent: number }
    >();
    for (const kind of ["month", "quarter", "year"] as const) {
      const period = periodOf(now, kind, zone);
      const lines = await this.meetings.attendanceOf(member.id, period.start, period.end);
      result.set(kind, {
        expected: lines.length,
        present: lines.filter((l) => l.outcome === "present" || l.outcome === "late").length,
        late: lines.filter((l) => l.outcome === "late").length,
        leave: lines.filter((l) => l.outcome === "leave").length,
        absent: lines.filter((l) => l.outcome === "absent").length,
      });
    }
    return { member, result };
  }

  // Helpers.

  #mustBeOpen(meeting: MeetingRecord): void {
    const { code } = meeting;
    if (meeting.status === "cancelled") throw new DomainError("meetings.cancelled", { code });
    if (meeting.status === "closed") throw new DomainError("meetings.alreadyClosed", { code });
  }

  async #memberOfBranch(code: string, branchId: string): Promise<MemberRecord> {
    const member = await this.members.findByCode(code);
    if (!member || member.organizationId !== branchId || member.state !== "active")
      throw new DomainError("members.unknown", { code });
    return member;
  }

  async #freshCode(): Promise<string> {
    for (;;) {
      const code = `H${shortCode(4)}`;
      if (!(await this.meetings.codeTaken(code))) return code;
    }
  }
}

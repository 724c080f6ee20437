// The meeting's record: minutes, the checklist, closing (the attendance frozen), corrections
// after closing, and what the announcement and /meeting show.

import { DomainError } from "../core/domain-error.js";
import { type AbsenceReason, closeLedger } from "./ledger.js";
import type { MeetingAccess, MeetingDeps, MinutesField } from "./meeting-access.js";
import type { MeetingRecord } from "./meeting-repository.js";
import { politicalBirthdays } from "./obligations.js";
import { localMonth } from "./periods.js";

export class MeetingRecords {
  constructor(
    private readonly deps: MeetingDeps,
    private readonly lookup: MeetingAccess,
  ) {}

  // Minutes, checklist, absence reasons, closing.

  protected async minutesWriter(actorId: string, code: string): Promise<MeetingRecord> {
    const meeting = await this.lookup.visible(actorId, code);
    const writers = [meeting.hostMemberId, meeting.recorderMemberId].filter(Boolean);
    const mine = await this.deps.members.activeInBranchOf(actorId, meeting.organizationId);
    if (mine && writers.includes(mine.id)) return meeting;
    return this.lookup.manageable(actorId, code);
  }

  async recordMinutes(actorId: string, code: string, field: MinutesField, text: string, now: Date) {
    const meeting = await this.minutesWriter(actorId, code);
    if (meeting.status === "closed") throw new DomainError("meetings.closedUseCorrect", { code });
    if (meeting.status === "cancelled") throw new DomainError("meetings.notScheduled", { code });
    const data =
      field === "photo"
        ? { photos: JSON.stringify([...(JSON.parse(meeting.photos) as string[]), text]) }
        : field === "content"
          ? { content: text }
          : { resolutions: text };
    await this.deps.meetings.update(meeting.id, data);
    await this.deps.audit.by(actorId, now).did(meeting.organizationId, "meeting.minutes", { code, field });
    return meeting;
  }

  async tick(actorId: string, code: string, item: number, now: Date) {
    const meeting = await this.minutesWriter(actorId, code);
    const checklist = JSON.parse(meeting.checklist) as string[];
    const name = checklist[item - 1];
    if (!name) throw new DomainError("meetings.noSuchItem", { count: checklist.length });
    const done = new Set(JSON.parse(meeting.checklistDone) as string[]);
    done.add(name);
    const ordered = checklist.filter((c) => done.has(c));
    await this.deps.meetings.update(meeting.id, { checklistDone: JSON.stringify(ordered) });
    await this.deps.audit.by(actorId, now).did(meeting.organizationId, "meeting.tick", { code, item: name });
    return { meeting, item: name, done: ordered.length, total: checklist.length };
  }

  async close(actorId: string, code: string, now: Date) {
    const meeting = await this.lookup.manageable(actorId, code);
    if (meeting.status !== "scheduled") throw new DomainError("meetings.notScheduled", { code });
    if (now < meeting.startsAt) throw new DomainError("meetings.notYetHeld");
    if (!meeting.content?.trim()) throw new DomainError("meetings.minutesMissing", { code });
    const ledger = await this.lookup.ledger(meeting);
    const lines = closeLedger(ledger);
    await this.deps.attendance.freezeAttendees(
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
    const closed = await this.deps.meetings.update(meeting.id, {
      status: "closed",
      closedAt: now,
      closedById: actorId,
      quorumMet: ledger.quorum.applies ? ledger.quorum.met : null,
    });
    await this.deps.tallies.touched(meeting.organizationId, meeting.startsAt, now);
    await this.deps.audit.by(actorId, now).did(meeting.organizationId, "meeting.close", {
      code,
      expected: ledger.expected,
      present: ledger.present,
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
    const meeting = await this.lookup.manageable(actorId, code);
    if (meeting.status !== "closed") throw new DomainError("meetings.correctOnlyClosed", { code });
    let before: unknown;
    if (change.field === "reason") {
      const member = await this.lookup.memberOfBranch(change.memberCode, meeting.organizationId);
      const line = (await this.deps.attendance.attendees(meeting.id)).find((a) => a.memberId === member.id);
      if (line?.outcome !== "absent") throw new DomainError("meetings.notAbsent", { name: member.name });
      before = line.reason;
      await this.deps.attendance.updateAttendee(meeting.id, member.id, { reason: change.reason });
    } else {
      before = meeting[change.field];
      await this.deps.meetings.update(meeting.id, { [change.field]: change.value });
    }
    await this.deps.audit.by(actorId, now).did(meeting.organizationId, "meeting.correct", {
      code,
      field: change.field,
      before,
      after: "value" in change ? change.value : change.reason,
    });
    return meeting;
  }

  async detail(actorId: string | null, code: string) {
    const meeting = await this.lookup.visible(actorId, code);
    const described = await this.describe(meeting);
    const ledger = await this.lookup.ledger(meeting);
    return { ...described, ledger, expected: ledger.expected };
  }

  protected async describe(meeting: MeetingRecord) {
    const [org, group, host, recorder, counts, zone] = await Promise.all([
      this.deps.orgs.findById(meeting.organizationId),
      meeting.groupId ? this.deps.orgs.findById(meeting.groupId) : Promise.resolve(null),
      meeting.hostMemberId ? this.deps.members.findById(meeting.hostMemberId) : Promise.resolve(null),
      meeting.recorderMemberId ? this.deps.members.findById(meeting.recorderMemberId) : Promise.resolve(null),
      this.deps.attendance.counts(meeting.id),
      this.deps.zones.of(meeting.organizationId),
    ]);
    const birthdays =
      meeting.type === "theme_day"
        ? politicalBirthdays(
            await this.deps.members.listByBranch(meeting.organizationId),
            localMonth(meeting.startsAt, zone),
          ).map((m) => m.name)
        : [];
    return { meeting, org, group, host, recorder, counts, zone, birthdays };
  }

  /** Everything the announcement shows. */
  async announcement(meetingId: string) {
    const meeting = await this.lookup.byId(meetingId);
    return { ...(await this.describe(meeting)), expected: await this.lookup.expectedCount(meeting) };
  }
}

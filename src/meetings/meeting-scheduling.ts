// Scheduling 三会一课 and the theme party day, editing and cancelling meetings.

import { DateTime } from "luxon";
import { DomainError } from "../core/domain-error.js";
import { shortCode } from "../core/short-code.js";
import type { OrgRecord } from "../organization/organization-repository.js";
import { effectiveSettings } from "../organization/settings.js";
import type { EditableField, MeetingAccess, MeetingDeps, ScheduleInput } from "./meeting-access.js";

import type { MeetingRecord } from "./meeting-repository.js";
import type { MeetingType } from "./meeting-types.js";
import { usualPlace } from "./place-words.js";
import type { SeriesRecord } from "./series-repository.js";

export class MeetingScheduling {
  constructor(
    private readonly deps: MeetingDeps,
    private readonly lookup: MeetingAccess,
  ) {}

  // Scheduling.

  /** Where the branch usually meets in person, from its last five meetings. */
  async usualPlace(org: OrgRecord): Promise<string | null> {
    const branchId = org.kind === "group" && org.parentId ? org.parentId : org.id;
    return usualPlace(await this.deps.meetings.recentPlaces(branchId, 5));
  }

  /**
   * Everything /schedule checks before it writes — the branch, the group, the actor's role, the
   * time, the host and recorder — and who will be expected: the card shown before 确认 says it.
   */
  async check(actorId: string, org: OrgRecord, input: ScheduleInput, now: Date) {
    const branch = org.kind === "group" && org.parentId ? await this.deps.orgs.findById(org.parentId) : org;
    if (branch?.kind !== "branch") throw new DomainError("meetings.needsBranch");
    let group: OrgRecord | null = null;
    if (input.type === "group_meeting") {
      group = input.groupCode
        ? await this.deps.orgs.findByCode(input.groupCode)
        : org.kind === "group"
          ? org
          : null;
      if (!group || group.parentId !== branch.id) throw new DomainError("meetings.groupRequired");
      await this.deps.access.require(actorId, group.id, "group_leader");
    } else {
      await this.deps.access.require(actorId, branch.id, "secretary");
    }
    if (input.startsAt <= now) throw new DomainError("meetings.inPast");
    if (input.endsAt && input.endsAt <= input.startsAt) throw new DomainError("meetings.endBeforeStart");
    const host = input.hostCode ? await this.lookup.memberOfBranch(input.hostCode, branch.id) : null;
    const recorder = input.recorderCode
      ? await this.lookup.memberOfBranch(input.recorderCode, branch.id)
      : null;
    return { branch, group, host, recorder };
  }

  /** How many are expected at a meeting of this type in the branch (or its party group). */
  async expectedFor(type: MeetingType, branchId: string, groupId: string | null): Promise<number> {
    return this.lookup.expectedCount({ type, organizationId: branchId, groupId });
  }

  async schedule(actorId: string, org: OrgRecord, input: ScheduleInput, now: Date): Promise<MeetingRecord[]> {
    const { branch, group, host, recorder } = await this.check(actorId, org, input, now);
    const settings = effectiveSettings(await this.deps.orgs.chain(branch.id));
    const checklist = input.type === "theme_day" ? (settings["themeDay.items"].value as string[]) : [];
    const zone = await this.deps.zones.of(branch.id);
    const seriesId = input.occurrences > 1 ? `S${shortCode(8)}` : null;
    const created: MeetingRecord[] = [];
    for (let i = 0; i < input.occurrences; i++) {
      const startsAt = DateTime.fromJSDate(input.startsAt, { zone }).plus({ months: i }).toJSDate();
      const endsAt = input.endsAt
        ? DateTime.fromJSDate(input.endsAt, { zone }).plus({ months: i }).toJSDate()
        : null;
      created.push(
        await this.deps.meetings.create({
          code: await this.lookup.freshCode(),
          organizationId: branch.id,
          groupId: group?.id ?? null,
          type: input.type,
          topic: input.topic,
          startsAt,
          endsAt,
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
    await this.deps.audit
      .by(actorId, now)
      .did(branch.id, "meeting.schedule", { codes: created.map((m) => m.code), type: input.type });
    return created;
  }

  /** One meeting of a recurring series in a branch, at the rule's instant `occurrenceAt`. */
  async materialiseOccurrence(
    series: SeriesRecord,
    branch: OrgRecord,
    occurrenceAt: Date,
    chain?: OrgRecord[],
  ): Promise<MeetingRecord> {
    const settings = effectiveSettings(chain ?? (await this.deps.orgs.chain(branch.id)));
    const checklist = series.type === "theme_day" ? (settings["themeDay.items"].value as string[]) : [];
    return this.deps.meetings.create({
      code: await this.lookup.freshCode(),
      organizationId: branch.id,
      groupId: series.groupId,
      type: series.type,
      topic: series.topic,
      startsAt: occurrenceAt,
      endsAt: series.durationMinutes
        ? new Date(occurrenceAt.getTime() + series.durationMinutes * 60_000)
        : null,
      place: series.place,
      online: series.online,
      hostMemberId: series.hostMemberId,
      recorderMemberId: series.recorderMemberId,
      seriesId: series.id,
      occurrenceAt,
      checkInOpensMinutes: settings["checkIn.opensMinutesBefore"].value as number,
      checkInClosesMinutes: settings["checkIn.closesMinutesAfter"].value as number,
      checklist: JSON.stringify(checklist),
      createdById: series.createdById,
    });
  }

  async edit(
    actorId: string,
    code: string,
    change: { field: EditableField; value: string; startsAt?: Date; endsAt?: Date },
    now: Date,
  ) {
    const meeting = await this.lookup.manageable(actorId, code);
    if (meeting.status !== "scheduled") throw new DomainError("meetings.notScheduled", { code });
    const data: Record<string, unknown> = {};
    switch (change.field) {
      case "time":
        if (!change.startsAt || change.startsAt <= now) throw new DomainError("meetings.inPast");
        data.startsAt = change.startsAt;
        // A new range says its end; otherwise a range moves whole: the same length from the new start.
        if (change.endsAt && change.endsAt > change.startsAt) data.endsAt = change.endsAt;
        else if (meeting.endsAt)
          data.endsAt = new Date(
            change.startsAt.getTime() + (meeting.endsAt.getTime() - meeting.startsAt.getTime()),
          );
        break;
      case "place":
        data.place = change.value;
        break;
      case "topic":
        data.topic = change.value;
        break;
      case "host":
        data.hostMemberId = (await this.lookup.memberOfBranch(change.value, meeting.organizationId)).id;
        break;
      case "recorder":
        data.recorderMemberId = (await this.lookup.memberOfBranch(change.value, meeting.organizationId)).id;
        break;
    }
    const updated = await this.deps.meetings.update(meeting.id, { ...data, revision: { increment: 1 } });
    await this.deps.audit
      .by(actorId, now)
      .did(meeting.organizationId, "meeting.edit", { code, field: change.field, value: change.value });
    return updated;
  }

  async cancel(actorId: string, code: string, reason: string | null, now: Date) {
    const meeting = await this.lookup.manageable(actorId, code);
    if (meeting.status !== "scheduled") throw new DomainError("meetings.notScheduled", { code });
    const updated = await this.deps.meetings.update(meeting.id, {
      status: "cancelled",
      cancelReason: reason,
      revision: { increment: 1 },
    });
    await this.deps.audit.by(actorId, now).did(meeting.organizationId, "meeting.cancel", { code, reason });
    return updated;
  }
}

// The meetings as people look at them: upcoming meetings, obligations, attendance rates (the
// other parts are composed with this one in meetings.ts). Each view is checked against the actor's
// role in the meeting's branch.

import { DomainError } from "../core/domain-error.js";
import type { OrgRecord } from "../organization/organization-repository.js";
import { effectiveSettings } from "../organization/settings.js";
import type { MeetingAnswer } from "./attendance-repository.js";
import type { MeetingAccess, MeetingDeps } from "./meeting-access.js";
import type { MeetingRecord } from "./meeting-repository.js";
import { frequenciesOf, type MeetingType } from "./meeting-types.js";
import { type Obligation, obligations } from "./obligations.js";
import { type PeriodSpec, resolvePeriod } from "./period-spec.js";
import { type Period, type PeriodKind, periodOf } from "./periods.js";

export type { EditableField, MinutesField, ScheduleInput } from "./meeting-access.js";

export class MeetingViews {
  constructor(
    private readonly deps: MeetingDeps,
    private readonly lookup: MeetingAccess,
  ) {}

  // Views.

  async upcomingFor(personId: string, now: Date, take = 10) {
    return (await this.#upcomingWithMemberships(personId, now, take)).meetings;
  }

  /** The person's coming meetings, each with what they have answered for it (or null). */
  async upcomingWithAnswers(personId: string, now: Date, take = 10) {
    const { meetings, memberships } = await this.#upcomingWithMemberships(personId, now, take);
    const answers = new Map<string, MeetingAnswer>();
    for (const member of memberships) {
      const theirs = meetings.filter((m) => m.organizationId === member.organizationId).map((m) => m.id);
      for (const [id, answer] of await this.deps.attendance.answersOf(member.id, theirs))
        answers.set(id, answer);
    }
    return meetings.map((meeting) => ({ meeting, answer: answers.get(meeting.id) ?? null }));
  }

  async #upcomingWithMemberships(personId: string, now: Date, take: number) {
    const memberships = await this.deps.members.activeOf(personId);
    const meetings = await this.deps.meetings.upcoming(
      memberships.map((m) => m.organizationId),
      now,
      take * 2,
    );
    const mine = [];
    for (const meeting of meetings) {
      const member = memberships.find((m) => m.organizationId === meeting.organizationId);
      if (member && (await this.lookup.audience(meeting)).some((e) => e.memberId === member.id))
        mine.push(meeting);
      if (mine.length >= take) break;
    }
    return { meetings: mine, memberships };
  }

  /** Scheduled meetings (all organisations) starting in (from, to], for reminders. */
  startingIn(from: Date, to: Date): Promise<MeetingRecord[]> {
    return this.deps.meetings.startingIn(from, to);
  }

  async upcomingOf(organizationId: string, now: Date, take = 10) {
    return this.deps.meetings.upcoming([organizationId], now, take);
  }

  async obligations(
    actorId: string,
    org: OrgRecord,
    asOf: Date,
    spec?: PeriodSpec,
  ): Promise<{ rows: Obligation[]; groups: Map<string, string>; period: Period }> {
    if (org.kind !== "branch") throw new DomainError("meetings.needsBranch");
    await this.deps.access.require(actorId, org.id, "committee_member");
    return this.obligationsOf(org, asOf, spec);
  }

  /**
   * The branch's obligations for a period (default: this month, each type in its own current
   * period around it), without a permission check, for reports and scheduled jobs.
   */
  async obligationsOf(
    org: OrgRecord,
    asOf: Date,
    spec: PeriodSpec = { kind: "month", back: 0 },
  ): Promise<{ rows: Obligation[]; groups: Map<string, string>; period: Period }> {
    const zone = await this.deps.zones.of(org.id);
    const settings = effectiveSettings(await this.deps.orgs.chain(org.id));
    const frequencies = frequenciesOf(settings);
    const period = resolvePeriod(spec, asOf, zone);
    // Types due less often than the period are counted in their own period around it, which is
    // never more than the year the period lies in.
    const year = periodOf(period.start, "year", zone);
    const meetings = await this.deps.meetings.between(org.id, year.start, year.end);
    const groups = await this.deps.orgs.children(org.id);
    const since = await this.deps.orgs.createdAt(org.id);
    const rows = obligations({
      period,
      asOf,
      zone,
      ...(since ? { since } : {}),
      frequencies,
      groupIds: groups.map((g) => g.id),
      meetings: meetings.map((m) => ({
        type: m.type as MeetingType,
        groupId: m.groupId,
        startsAt: m.startsAt,
        status: m.status as "scheduled" | "cancelled" | "closed",
        quorumMet: m.quorumMet,
      })),
    });
    return { rows, groups: new Map(groups.map((g) => [g.id, g.name])), period };
  }

  /** Present ÷ expected over a branch's closed meetings between two instants (null: none). */
  async attendanceRate(
    branchId: string,
    from: Date,
    to: Date,
  ): Promise<{ rate: number | null; meetings: number }> {
    const lines = await this.deps.attendance.attendanceOfBranch(branchId, from, to);
    const attended = lines.filter((l) => l.outcome === "present" || l.outcome === "late").length;
    const meetings = new Set(lines.map((l) => l.meeting.startsAt.toISOString())).size;
    return { rate: lines.length === 0 ? null : attended / lines.length, meetings };
  }

  async attendanceOf(personId: string, now: Date) {
    const member = (await this.deps.members.activeOf(personId))[0];
    if (!member) throw new DomainError("members.notAMember");
    const zone = await this.deps.zones.of(member.organizationId);
    const result = new Map<
      PeriodKind,
      { expected: number; present: number; late: number; leave: number; absent: number }
    >();
    for (const kind of ["month", "quarter", "year"] as const) {
      const period = periodOf(now, kind, zone);
      const lines = await this.deps.attendance.attendanceOf(member.id, period.start, period.end);
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
}

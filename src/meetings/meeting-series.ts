// Recurring meetings: a rule (每月15日上午9点) kept as a MeetingSeries, its occurrences made ahead
// as ordinary meetings — each with its own attendance, editable and cancellable alone — and the
// series changed or ended as a whole. A committee's series reaches every branch below it that has
// none of that type of its own: the county-wide theme day is one rule, inherited.
import { DateTime } from "luxon";
import type { AccessService } from "../access/access-service.js";
import type { AuditRepository } from "../audit/audit-repository.js";
import { DomainError } from "../core/domain-error.js";
import { shortCode } from "../core/short-code.js";
import type { OrgZones } from "../organization/org-zones.js";
import type { OrganizationRepository, OrgRecord } from "../organization/organization-repository.js";
import type { ScheduleInput } from "./meeting-access.js";
import type { MeetingRecord } from "./meeting-repository.js";
import type { Meetings } from "./meetings.js";
import { nextOccurrences, occurrencesOf } from "./recurrence/occurrences.js";
import type { SeriesRecord, SeriesRepository } from "./series-repository.js";
import { understandWhen } from "./time-phrase/understand-when.js";

/** How far ahead occurrences exist: a quarter, so reminders, feeds and /meetings see them. */
export const AHEAD_DAYS = 92;

export interface Recurrence {
  rule: string;
  ruleText: string;
  /** Local time of day, "HH:mm". */
  time: string;
}

const timeOf = (text: string) => {
  const [hour = 0, minute = 0] = text.split(":").map(Number);
  return { hour, minute };
};

export class MeetingSeriesService {
  constructor(
    private readonly repo: SeriesRepository,
    private readonly meetings: Meetings,
    private readonly orgs: OrganizationRepository,
    private readonly access: AccessService,
    private readonly audit: AuditRepository,
    private readonly zones: OrgZones,
  ) {}

  /** The first occurrences a rule would give, for the card shown before 确认. */
  async preview(recurrence: Recurrence, branchId: string, now: Date, count = 3): Promise<Date[]> {
    const zone = await this.zones.of(branchId);
    return nextOccurrences(recurrence.rule, timeOf(recurrence.time), zone, now, count);
  }

  /** Keeps the rule and makes its occurrences for the months ahead; the meetings made. */
  async create(
    actorId: string,
    org: OrgRecord,
    input: ScheduleInput,
    recurrence: Recurrence,
    now: Date,
  ): Promise<{ series: SeriesRecord; meetings: MeetingRecord[] }> {
    let owner: OrgRecord = org;
    let groupId: string | null = null;
    let hostMemberId: string | null = null;
    let recorderMemberId: string | null = null;
    if (org.kind === "committee") {
      await this.access.require(actorId, org.id, "secretary");
    } else {
      const checked = await this.meetings.scheduling.check(actorId, org, input, now);
      owner = checked.branch;
      groupId = checked.group?.id ?? null;
      hostMemberId = checked.host?.id ?? null;
      recorderMemberId = checked.recorder?.id ?? null;
    }
    const zone = await this.zones.of(owner.id);
    const series = await this.repo.create({
      code: await this.#freshCode(),
      organizationId: owner.id,
      groupId,
      type: input.type,
      topic: input.topic,
      place: input.place,
      online: input.online,
      hostMemberId,
      recorderMemberId,
      rule: recurrence.rule,
      ruleText: recurrence.ruleText,
      time: recurrence.time,
      durationMinutes: input.endsAt
        ? Math.round((input.endsAt.getTime() - input.startsAt.getTime()) / 60_000)
        : null,
      firstDay: DateTime.fromJSDate(now, { zone }).toISODate() ?? "",
      materialisedUntil: now,
      createdById: actorId,
      createdAt: now,
    });
    await this.audit
      .by(actorId, now)
      .did(owner.id, "series.create", { code: series.code, rule: series.rule, type: series.type });
    return { series, meetings: await this.materialise(series, now) };
  }

  /**
   * Makes the occurrences due in the months ahead that do not exist yet, in every branch it
   * reaches. A county's series reaches thousands of branches: what they have is read in a few
   * queries for all of them, not per branch.
   */
  async materialise(series: SeriesRecord, now: Date): Promise<MeetingRecord[]> {
    const above = await this.orgs.chain(series.organizationId);
    const owner = above[0];
    if (!owner) return [];
    const below = owner.kind === "branch" ? [owner] : await this.orgs.subtree(owner.id);
    const reached = below.filter((o) => o.kind === "branch");
    const chainOf = chainsWithin(below, above);
    const withOwn = await this.repo.organizationsWithType(series.type);
    const held = await this.repo.occurrencesHeld(series.id);
    const horizon = new Date(now.getTime() + AHEAD_DAYS * 86_400_000);
    const made: MeetingRecord[] = [];
    for (const branch of reached) {
      if (branch.id !== owner.id && withOwn.has(branch.id)) continue;
      const chain = chainOf(branch);
      const zone = await this.zones.of(branch.id, chain);
      const has = held.get(branch.id);
      const due = occurrencesOf(series.rule, timeOf(series.time), zone, series.firstDay, now, horizon);
      for (const at of due)
        if (!has?.has(at.getTime()))
          made.push(await this.meetings.scheduling.materialiseOccurrence(series, branch, at, chain));
    }
    await this.repo.update(series.id, { materialisedUntil: horizon });
    return made;
  }

  /** The daily job: every active series made up to a quarter ahead. Returns the meetings made. */
  async materialiseAll(now: Date): Promise<MeetingRecord[]> {
    const made: MeetingRecord[] = [];
    for (const series of await this.repo.active()) made.push(...(await this.materialise(series, now)));
    return made;
  }

  /** The series of an organisation and those it inherits, with their next meetings. */
  async list(org: OrgRecord, now: Date) {
    const chain = await this.orgs.chain(org.id);
    const series = await this.repo.activeOf(chain.map((o) => o.id));
    return Promise.all(
      series.map(async (s) => ({ series: s, upcoming: await this.repo.upcoming(s.id, now) })),
    );
  }

  async view(actorId: string, code: string, now: Date) {
    const series = await this.#find(code);
    const roles = await this.access.rolesIn(actorId, series.groupId ?? series.organizationId);
    if (!roles.some((r) => r !== "anyone")) throw new DomainError("series.notFound", { code });
    return { series, upcoming: await this.repo.upcoming(series.id, now) };
  }

  /** Changes the place, topic or time of day of the series and of every meeting still to come. */
  async edit(
    actorId: string,
    code: string,
    field: "place" | "topic" | "time",
    value: string,
    now: Date,
  ): Promise<{ series: SeriesRecord; changed: MeetingRecord[] }> {
    const series = await this.#manageable(actorId, code);
    if (field === "time") value = await this.#timeOfDay(series, value, now);
    const changed: MeetingRecord[] = [];
    for (const meeting of await this.repo.upcoming(series.id, now)) {
      if (field === "time") {
        const zone = await this.zones.of(meeting.organizationId);
        const { hour, minute } = timeOf(value);
        const startsAt = DateTime.fromJSDate(meeting.startsAt, { zone }).set({ hour, minute }).toJSDate();
        if (startsAt <= now) continue;
        changed.push(
          await this.meetings.scheduling.edit(actorId, meeting.code, { field, value, startsAt }, now),
        );
      } else changed.push(await this.meetings.scheduling.edit(actorId, meeting.code, { field, value }, now));
    }
    const updated = await this.repo.update(series.id, { [field]: value });
    await this.audit
      .by(actorId, now)
      .did(series.organizationId, "series.edit", { code, field, value, meetings: changed.length });
    return { series: updated, changed };
  }

  /** Ends the series: no more occurrences, and those still to come are cancelled. */
  async end(actorId: string, code: string, reason: string | null, now: Date) {
    const series = await this.#manageable(actorId, code);
    if (series.status !== "active") throw new DomainError("series.ended", { code });
    const cancelled: MeetingRecord[] = [];
    for (const meeting of await this.repo.upcoming(series.id, now))
      cancelled.push(await this.meetings.scheduling.cancel(actorId, meeting.code, reason, now));
    const ended = await this.repo.update(series.id, { status: "ended", endedAt: now });
    await this.audit
      .by(actorId, now)
      .did(series.organizationId, "series.end", { code, reason, cancelled: cancelled.map((m) => m.code) });
    return { series: ended, cancelled };
  }

  /** The time of day as secretaries write it (19:30, 下午3点), read in the series' own zone. */
  async #timeOfDay(series: SeriesRecord, text: string, now: Date): Promise<string> {
    const zone = await this.zones.of(series.organizationId);
    const dayStart = DateTime.fromJSDate(now, { zone }).startOf("day").toJSDate();
    const answer = understandWhen(text, dayStart, zone);
    if (answer.kind !== "instant") throw new DomainError("series.badTime");
    return DateTime.fromJSDate(answer.start, { zone }).toFormat("HH:mm");
  }

  async #find(code: string): Promise<SeriesRecord> {
    const series = await this.repo.findByCode(code.toUpperCase());
    if (!series) throw new DomainError("series.notFound", { code });
    return series;
  }

  async #manageable(actorId: string, code: string): Promise<SeriesRecord> {
    const series = await this.#find(code);
    await this.access.require(
      actorId,
      series.groupId ?? series.organizationId,
      series.groupId ? "group_leader" : "secretary",
    );
    return series;
  }

  async #freshCode(): Promise<string> {
    for (;;) {
      const code = `S${shortCode(4)}`;
      if (!(await this.repo.codeTaken(code))) return code;
    }
  }
}

/**
 * Each reached branch's chain up to the root (itself first), from the owner's subtree and the
 * owner's own chain, without a query per branch.
 */
function chainsWithin(subtree: OrgRecord[], above: OrgRecord[]) {
  const byId = new Map(subtree.map((o) => [o.id, o]));
  const ownerId = above[0]?.id;
  return (branch: OrgRecord): OrgRecord[] => {
    const chain: OrgRecord[] = [];
    let at: OrgRecord | undefined = branch;
    while (at && at.id !== ownerId) {
      chain.push(at);
      at = at.parentId ? byId.get(at.parentId) : undefined;
    }
    return [...chain, ...above];
  };
}

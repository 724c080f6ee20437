// Meetings in everyone's phone calendar: each person has a private, revocable subscription URL
// (a secret token the bot's HTTP server answers) of their branches' meetings — their party
// group's too — as iCalendar, made with ical-generator: the zone's VTIMEZONE (timezones-ical-
// library), a stable UID per meeting, SEQUENCE from the meeting's revision (bumped by each edit), STATUS:CANCELLED for a
// cancelled meeting, alarms at the bot's own reminder offsets, and the link to the meeting's
// announcement in the group where the platform gives one.
import { randomBytes } from "node:crypto";
import ical, { ICalAlarmType, ICalEventStatus } from "ical-generator";
import { DateTime } from "luxon";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { cachedZone } from "../core/cached-zone.js";
import type { Translate } from "../core/i18n.js";
import { REMINDER_OFFSETS } from "../meetings/reminder.js";
import type { MemberRepository } from "../membership/member-repository.js";
import type { CalendarRepository, FeedMeeting } from "./calendar-repository.js";

/** How long a meeting lasts in the calendar when no end was given (most run about two hours). */
const MEETING_HOURS = 2;
/** What a feed shows: the last three months and the year ahead. */
const PAST_DAYS = 92;
const AHEAD_DAYS = 366;

export class CalendarService {
  constructor(
    private readonly repo: CalendarRepository,
    private readonly members: MemberRepository,
    private readonly publicUrl: string,
  ) {}

  /** The address a calendar app subscribes to. */
  urlFor(token: string): string {
    return `${this.publicUrl.replace(/\/+$/, "")}/calendar/${token}.ics`;
  }

  /**
   * The person's subscription token — or, with `branchId`, the branch's (one for everyone it is
   * shared with) — and `reset` revokes the old one (its URL stops working) first.
   */
  async subscription(
    personId: string,
    reset: boolean,
    now: Date,
    branchId: string | null = null,
  ): Promise<{ token: string; revoked: number }> {
    const revoked = reset ? await this.repo.revokeAll(personId, branchId, now) : 0;
    const active = reset ? null : await this.repo.activeOf(personId, branchId);
    if (active) return { token: active.token, revoked };
    const token = randomBytes(24).toString("base64url");
    await this.repo.create(personId, branchId, token, now);
    return { token, revoked };
  }

  /** The feed for a token, or null when the token is unknown or revoked (the same answer). */
  async feed(token: string, now: Date, zone: (organizationId: string) => Promise<string>, t: Translate) {
    const subscription = await this.repo.byToken(token);
    if (!subscription || subscription.revokedAt) return null;
    const from = new Date(now.getTime() - PAST_DAYS * 86_400_000);
    const to = new Date(now.getTime() + AHEAD_DAYS * 86_400_000);
    // A branch's feed: all its meetings, its party groups' too, whoever subscribes.
    if (subscription.organizationId) {
      const meetings = await this.repo.meetingsOfBranch(subscription.organizationId, from, to);
      return this.#calendar(meetings, subscription.organizationId, now, zone, t);
    }
    const memberships = await this.members.activeOf(subscription.personId);
    const meetings = await this.repo.meetingsOf(
      memberships.map((m) => m.organizationId),
      memberships.flatMap((m) => (m.groupId ? [m.groupId] : [])),
      from,
      to,
    );
    return this.#calendar(meetings, memberships[0]?.organizationId ?? "", now, zone, t);
  }

  /** One meeting as an .ics file's text (posted with its announcement): the feed's own event. */
  async meetingFile(
    meetingId: string,
    now: Date,
    zone: (organizationId: string) => Promise<string>,
    t: Translate,
  ) {
    const meeting = await this.repo.meetingById(meetingId);
    if (!meeting) return null;
    return { meeting, text: await this.#calendar([meeting], meeting.organizationId, now, zone, t) };
  }

  async #calendar(
    meetings: readonly FeedMeeting[],
    fallbackOrg: string,
    now: Date,
    zone: (organizationId: string) => Promise<string>,
    t: Translate,
  ): Promise<string> {
    const zoneOf = new Map<string, string>();
    for (const id of new Set(meetings.map((m) => m.organizationId))) zoneOf.set(id, await zone(id));
    const calendarZone = zoneOf.values().next().value ?? (await zone(fallbackOrg));
    const calendar = ical({
      name: t("calendar.name"),
      prodId: { company: "party-branch-bot", product: "meetings", language: "ZH" },
      timezone: { name: calendarZone, generator: (tz) => tzlib_get_ical_block(tz)[0] ?? null },
    });
    // Looked up once per feed, not per meeting: a feed of 200 meetings asked i18next 800 times.
    const titles = new Map<string, string>();
    const titleOf = (type: string) => {
      let title = titles.get(type);
      if (title === undefined) {
        title = t(`meetingTypes.${type}`);
        titles.set(type, title);
      }
      return title;
    };
    const online = t("calendar.online");
    // The description differs only by the meeting's code: translated once with a marker in its place.
    const describe = t("calendar.description", { code: "\u0000" }).split("\u0000");
    const stamp = DateTime.fromJSDate(now, { zone: cachedZone(calendarZone) });
    const links = await this.repo.announcementLinks(meetings.map((m) => m.id));
    for (const m of meetings) {
      const tz = zoneOf.get(m.organizationId) ?? calendarZone;
      const start = DateTime.fromJSDate(m.startsAt, { zone: cachedZone(tz) });
      const summary = `【${titleOf(m.type)}】${m.topic}`;
      const link = links.get(m.id);
      const event = calendar.createEvent({
        id: `${m.id}@party-branch-bot`,
        sequence: m.revision,
        stamp,
        start,
        end: m.endsAt
          ? DateTime.fromJSDate(m.endsAt, { zone: cachedZone(tz) })
          : start.plus({ hours: MEETING_HOURS }),
        timezone: tz,
        summary,
        location: m.online ? online : m.place,
        description: link ? `${describe.join(m.code)}\n${link}` : describe.join(m.code),
        ...(link ? { url: link } : {}),
        status: m.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      });
      if (m.status === "scheduled")
        for (const minutes of REMINDER_OFFSETS)
          event.createAlarm({
            type: ICalAlarmType.display,
            trigger: minutes * 60,
            description: summary,
          });
    }
    return calendar.toString();
  }
}

// When a recurring rule's meetings fall, in the organisation's zone. rrule works in UTC, so the
// rule runs on "floating" local times (the zone's wall clock written as if it were UTC) and each
// occurrence is then placed in the zone: 每月15日 09:00 stays 09:00 across daylight-saving
// changes, and a month's last Friday is the zone's, not UTC's.
import { DateTime } from "luxon";
import rrule from "rrule";
import { cachedZone } from "../../core/cached-zone.js";

const { RRule } = rrule;

export interface LocalTime {
  hour: number;
  minute: number;
}

const floating = (local: DateTime): Date =>
  new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute));

/**
 * The rule's occurrences at `time` from the local day `firstDay` (an ISO date), in [from, to).
 * At most `limit`, soonest first.
 */
export function occurrencesOf(
  rule: string,
  time: LocalTime,
  zone: string,
  firstDay: string,
  from: Date,
  to: Date,
  limit = 400,
): Date[] {
  const z = cachedZone(zone);
  const start = DateTime.fromISO(firstDay, { zone: z }).set({ hour: time.hour, minute: time.minute });
  const recurrence = new RRule({ ...RRule.parseString(rule), dtstart: floating(start) });
  const after = floating(DateTime.fromJSDate(from, { zone: z }));
  const before = floating(DateTime.fromJSDate(to, { zone: z }));
  const found: Date[] = [];
  recurrence.between(after, before, true, (d) => {
    const instant = DateTime.fromObject(
      {
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hour: d.getUTCHours(),
        minute: d.getUTCMinutes(),
      },
      { zone: z },
    ).toJSDate();
    if (instant >= from && instant < to) found.push(instant);
    return found.length < limit;
  });
  return found;
}

/**
 * The first `count` occurrences of a rule that would start today, from `now` on: what a card
 * shows before 确认 and where a new series begins. Looks ahead at most 400 days.
 */
export function nextOccurrences(
  rule: string,
  time: LocalTime,
  zone: string,
  now: Date,
  count: number,
): Date[] {
  const today = DateTime.fromJSDate(now, { zone: cachedZone(zone) }).toISODate() ?? "";
  return occurrencesOf(rule, time, zone, today, now, new Date(now.getTime() + 400 * 86_400_000), count);
}

/** Whether the rule is one rrule can run (checked before it is stored). */
export function validRule(rule: string): boolean {
  try {
    const options = RRule.parseString(rule);
    return options.freq !== undefined;
  } catch {
    return false;
  }
}

// Weeks as the boards name them: an ISO week in the organisation's zone, kept as a stable key and
// shown as people read it.
import { DateTime } from "luxon";

/** The ISO week of an instant in the zone, as a stable key ("2026-W49"); shown with weekLabel. */
export const weekKey = (now: Date, zone: string): string =>
  DateTime.fromJSDate(now, { zone }).toFormat("kkkk-'W'WW");

/** A week key as people read it: 2026年第49周 (Week 49, 2026). */
export function weekLabel(
  week: string,
  t: (key: string, values?: Record<string, unknown>) => string,
): string {
  const [year, number] = week.split("-W");
  return t("periods.week", { year: Number(year), week: Number(number) });
}

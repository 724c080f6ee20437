// Periods (month, quarter, half-year, year) in an organisation's time zone. Instants stay UTC;
// only the boundaries are computed in the zone, so "this quarter" in Shanghai is right even when
// the server runs in UTC.
import { DateTime } from "luxon";

export type PeriodKind = "month" | "quarter" | "half_year" | "year";

export interface Period {
  kind: PeriodKind;
  /** Inclusive start and exclusive end, as UTC instants. */
  start: Date;
  end: Date;
  year: number;
  /** Month 1–12, quarter 1–4 or half 1–2; 0 for a year. */
  index: number;
}

/**
 * Periods of recent instants, by instant, kind and zone. Luxon's zone offsets go through Intl and
 * cost tens of microseconds; a weekly board asks the same few questions for every one of a city's
 * branches. Bounded, and cleared whole when full.
 */
const memo = new Map<string, Period>();
const MEMO_LIMIT = 4096;

export function periodOf(instant: Date, kind: PeriodKind, zone: string): Period {
  const key = `${instant.getTime()}|${kind}|${zone}`;
  const known = memo.get(key);
  if (known) return known;
  // Shared between callers, so frozen (its dates are read, never changed).
  const period = Object.freeze(computePeriod(instant, kind, zone));
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, period);
  return period;
}

function computePeriod(instant: Date, kind: PeriodKind, zone: string): Period {
  const local = DateTime.fromJSDate(instant, { zone });
  let start: DateTime;
  let end: DateTime;
  let index: number;
  switch (kind) {
    case "month":
      start = local.startOf("month");
      end = start.plus({ months: 1 });
      index = start.month;
      break;
    case "quarter":
      start = local.startOf("quarter");
      end = start.plus({ months: 3 });
      index = start.quarter;
      break;
    case "half_year": {
      const firstHalf = local.month <= 6;
      start = local.startOf("year").plus({ months: firstHalf ? 0 : 6 });
      end = start.plus({ months: 6 });
      index = firstHalf ? 1 : 2;
      break;
    }
    case "year":
      start = local.startOf("year");
      end = start.plus({ years: 1 });
      index = 0;
      break;
  }
  return { kind, start: start.toJSDate(), end: end.toJSDate(), year: start.year, index };
}

export function contains(period: Period, instant: Date): boolean {
  return instant >= period.start && instant < period.end;
}

/** The local calendar month (1–12) of an instant. */
export function localMonth(instant: Date, zone: string): number {
  return DateTime.fromJSDate(instant, { zone }).month;
}

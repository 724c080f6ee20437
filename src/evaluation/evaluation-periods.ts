// How the evaluation names and spans its periods: the key stored with scores and reviews, the
// quarters a period's hand scores come from, the period before this one.
import { type Period, type PeriodKind, periodOf } from "../meetings/periods.js";

export const MONTHS = { month: 1, quarter: 3, half_year: 6, year: 12 } as const;

/** "2026-Q1", "2026-03", "2026-H1", "2026": how a period is named in stored scores and reviews. */
export function periodKey(p: Period): string {
  switch (p.kind) {
    case "month":
      return `${p.year}-${String(p.index).padStart(2, "0")}`;
    case "quarter":
      return `${p.year}-Q${p.index}`;
    case "half_year":
      return `${p.year}-H${p.index}`;
    default:
      return String(p.year);
  }
}

/**
 * The committee scores by hand a quarter at a time: a quarter takes its own score, a month its
 * quarter's, a half-year or a year the average of its quarters that were scored.
 */
export function handScoreQuarters(p: Period): string[] {
  const quarter = (q: number) => `${p.year}-Q${q}`;
  switch (p.kind) {
    case "quarter":
      return [quarter(p.index)];
    case "month":
      return [quarter(Math.ceil(p.index / 3))];
    case "half_year":
      return p.index === 1 ? [quarter(1), quarter(2)] : [quarter(3), quarter(4)];
    default:
      return [1, 2, 3, 4].map(quarter);
  }
}

/** The period of this kind before the one containing `now`. */
export function previousPeriod(now: Date, kind: PeriodKind, zone: string): Period {
  return periodOf(new Date(periodOf(now, kind, zone).start.getTime() - 1), kind, zone);
}

// The 黄橙红 absence ladder: how many consecutive months a member has gone without taking part in
// organisational life without good reason (党章's 6-month rule; red comes well before it bites).
// Pure, so every case is unit-tested.

export type MonthRecord = "attended" | "excused" | "missed" | "none";
export type WarningLevel = "yellow" | "orange" | "red";

export interface Thresholds {
  yellowMonths: number;
  orangeMonths: number;
  redMonths: number;
}

/**
 * One month of a member: attended if present at any meeting; missed if expected and absent
 * without good reason at least once and attended none; excused if every absence had a reason
 * (leave, official duty, sickness); none if nothing was expected of them.
 */
export function monthRecord(lines: { outcome: string; reason: string | null }[]): MonthRecord {
  if (lines.length === 0) return "none";
  if (lines.some((l) => l.outcome === "present" || l.outcome === "late")) return "attended";
  if (
    lines.some(
      (l) =>
        l.outcome === "absent" && (l.reason === "unexcused" || l.reason === null || l.reason === "other"),
    )
  ) {
    return "missed";
  }
  return "excused";
}

/**
 * Consecutive missed months, counting back from the most recent complete month. A month with
 * nothing expected neither counts nor breaks the run (the branch held nothing); attending or an
 * excused absence ends it.
 */
export function consecutiveMissed(monthsNewestFirst: MonthRecord[]): number {
  return missedRun(monthsNewestFirst).count;
}

/**
 * The run of missed months counting back from the newest: how many, and the indexes (in the
 * list given) of its newest and oldest missed months, so a warning can say which months it covers.
 */
export function missedRun(monthsNewestFirst: MonthRecord[]): {
  count: number;
  newest: number;
  oldest: number;
} {
  let count = 0;
  let newest = -1;
  let oldest = -1;
  for (const [i, month] of monthsNewestFirst.entries()) {
    if (month === "none") continue;
    if (month !== "missed") break;
    count += 1;
    if (newest < 0) newest = i;
    oldest = i;
  }
  return { count, newest, oldest };
}

export function warningLevel(streak: number, t: Thresholds): WarningLevel | null {
  if (streak >= t.redMonths) return "red";
  if (streak >= t.orangeMonths) return "orange";
  if (streak >= t.yellowMonths) return "yellow";
  return null;
}

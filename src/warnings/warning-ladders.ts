// The two ladders of 黄橙红 warnings, from what was read: missed organisational life (month by
// month, in the branch's zone) and unpaid dues. Pure, so the service only reads and sorts.
import { DateTime } from "luxon";
import type { DuesStanding } from "../dues/dues-service.js";
import { missedRun, monthRecord, type Thresholds, type WarningLevel, warningLevel } from "./absence-rules.js";

export const LOOKBACK_MONTHS = 12;
/** The 党章's six months (attendance, dues). */
export const SIX_MONTHS = 6;

export interface AbsenceWarning {
  memberId: string;
  name: string;
  /** Missed organisational life, or unpaid dues: each is its own ladder, shown apart. */
  reason: "attendance" | "dues";
  level: WarningLevel;
  months: number;
  lastAttended: string | null;
  /** The months the warning counts, oldest and newest ("2026-10", "2027-03"). */
  fromMonth: string;
  toMonth: string;
  /** Six months or more: one of the 党章's conditions for being regarded as having left. */
  sixMonthRule: boolean;
}

export interface AttendanceLine {
  memberId: string;
  name: string;
  outcome: string;
  reason: string | null;
  meeting: { startsAt: Date };
}

interface MemberHistory {
  name: string;
  months: Map<string, { outcome: string; reason: string | null }[]>;
  lastAttended: Date | null;
}

/** Each member's ledger lines by month ("2026-10") in the zone, and the last meeting they attended. */
export function historiesOf(lines: readonly AttendanceLine[], zone: string): Map<string, MemberHistory> {
  const byMember = new Map<string, MemberHistory>();
  // Many lines share a meeting: each meeting's month is worked out once.
  const monthOf = new Map<number, string>();
  for (const line of lines) {
    const entry = byMember.get(line.memberId) ?? { name: line.name, months: new Map(), lastAttended: null };
    const instant = line.meeting.startsAt.getTime();
    let month = monthOf.get(instant);
    if (month === undefined) {
      month = DateTime.fromMillis(instant, { zone }).toFormat("yyyy-MM");
      monthOf.set(instant, month);
    }
    entry.months.set(month, [
      ...(entry.months.get(month) ?? []),
      { outcome: line.outcome, reason: line.reason },
    ]);
    const attended = line.outcome === "present" || line.outcome === "late";
    if (attended && (!entry.lastAttended || line.meeting.startsAt > entry.lastAttended)) {
      entry.lastAttended = line.meeting.startsAt;
    }
    byMember.set(line.memberId, entry);
  }
  return byMember;
}

/**
 * The attendance ladder as of `thisMonth` (its start, in the branch's zone): the run of missed
 * months counts complete months back from last month, and attending in the current month ends it
 * at once. Excused members are not warned.
 */
export function attendanceWarnings(
  histories: ReadonlyMap<string, MemberHistory>,
  thisMonth: DateTime,
  thresholds: Thresholds,
  exempt: ReadonlySet<string>,
): AbsenceWarning[] {
  const monthKeys = Array.from({ length: LOOKBACK_MONTHS }, (_, i) =>
    thisMonth.minus({ months: i + 1 }).toFormat("yyyy-MM"),
  );
  const monthKey = (i: number) => monthKeys[i] ?? "";
  const currentMonth = thisMonth.toFormat("yyyy-MM");
  const warnings: AbsenceWarning[] = [];
  for (const [memberId, entry] of histories) {
    if (exempt.has(memberId)) continue;
    // Taking part this month ends the run at once, before the month is over.
    if (monthRecord(entry.months.get(currentMonth) ?? []) === "attended") continue;
    const run = missedRun(monthKeys.map((_, i) => monthRecord(entry.months.get(monthKey(i)) ?? [])));
    const level = warningLevel(run.count, thresholds);
    if (!level) continue;
    warnings.push({
      memberId,
      name: entry.name,
      reason: "attendance",
      level,
      months: run.count,
      lastAttended: entry.lastAttended
        ? DateTime.fromJSDate(entry.lastAttended, { zone: thisMonth.zone }).toISODate()
        : null,
      fromMonth: monthKey(run.oldest),
      toMonth: monthKey(run.newest),
      sixMonthRule: run.count >= SIX_MONTHS,
    });
  }
  return warnings;
}

/**
 * Dues are their own reason: a member who attends every meeting but has not paid for six months
 * is flagged all the same.
 */
export function duesWarnings(standing: readonly DuesStanding[], thresholds: Thresholds): AbsenceWarning[] {
  return standing.flatMap((s) => {
    const level = warningLevel(s.streak, thresholds);
    if (!level) return [];
    return [
      {
        memberId: s.memberId,
        name: s.name,
        reason: "dues" as const,
        level,
        months: s.streak,
        lastAttended: null,
        fromMonth: s.arrears.slice(-s.streak)[0] ?? "",
        toMonth: s.arrears.at(-1) ?? "",
        sixMonthRule: s.streak >= SIX_MONTHS,
      },
    ];
  });
}

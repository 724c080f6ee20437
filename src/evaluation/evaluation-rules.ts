import { monthsBetween } from "../dues/dues-rules.js";
import { type Ranked, rank } from "../leaderboard/points.js";
import { completion, type ObligationInput, obligations } from "../meetings/obligations.js";

export const MEASURES = ["meetings", "attendance", "dues", "minutes", "volunteer", "manual"] as const;
export type Measure = (typeof MEASURES)[number];

export interface SheetItem {
  key: string;
  label: string;
  weight: number;
  measure: Measure;
}

/** The sheet a committee starts from until it defines its own (`/eval_item`). */
export const DEFAULT_SHEET: readonly SheetItem[] = [
  { key: "meetings", label: "三会一课按时召开", weight: 30, measure: "meetings" },
  { key: "attendance", label: "党员参加组织生活", weight: 20, measure: "attendance" },
  { key: "dues", label: "党费按时交纳", weight: 15, measure: "dues" },
  { key: "minutes", label: "会议记录完整", weight: 10, measure: "minutes" },
  { key: "volunteer", label: "志愿服务", weight: 10, measure: "volunteer" },
  { key: "work", label: "工作实绩（党委评分）", weight: 15, measure: "manual" },
];

/** Volunteer time that earns the full mark: an hour per member per month of the period. */
export const VOLUNTEER_HOURS_PER_MEMBER_MONTH = 1;

/**
 * Share of the period's required meetings held (0–1): each type counted over every one of its
 * own periods that lies inside the evaluated period (three monthly committee meetings in a
 * quarter), held meetings capped at what was required. Types due less often than the evaluated
 * period (a yearly life meeting in a quarter) are not judged. Nothing required counts as done.
 */
export function periodCompletion(input: ObligationInput): number {
  return completion(obligations(input));
}

/** What the records say about a branch for a period; each share is 0–1 (null: nothing to judge). */
export interface BranchFacts {
  completion: number;
  attendance: number | null;
  dues: number | null;
  minutes: number | null;
  volunteerMinutesPerMember: number | null;
  months: number;
}

/** An item's mark out of 100 from the facts, or the committee's hand score. */
export function itemMark(item: SheetItem, facts: BranchFacts, hand: number | undefined): number {
  const pct = (x: number | null) => (x === null ? 0 : Math.round(x * 1000) / 10);
  switch (item.measure) {
    case "meetings":
      return pct(facts.completion);
    case "attendance":
      return pct(facts.attendance);
    case "dues":
      return pct(facts.dues);
    case "minutes":
      return pct(facts.minutes);
    case "volunteer": {
      if (facts.volunteerMinutesPerMember === null) return 0;
      const target = VOLUNTEER_HOURS_PER_MEMBER_MONTH * 60 * facts.months;
      return pct(Math.min(1, facts.volunteerMinutesPerMember / target));
    }
    case "manual":
      return hand ?? 0;
  }
}

/** The weighted score out of 100, to one decimal. */
export function weightedScore(items: readonly SheetItem[], marks: number[]): number {
  const total = items.reduce((n, i) => n + i.weight, 0);
  if (total === 0) return 0;
  const sum = items.reduce((n, item, i) => n + item.weight * (marks[i] ?? 0), 0);
  return Math.round((sum / total) * 10) / 10;
}

/**
 * Ranks branches by score and names the demonstration candidates (the top `demoShare`) and the
 * lagging list (the bottom `lagShare`, at least one branch when there are several); a branch is
 * never on both.
 */
export function evaluationLists<T>(
  items: T[],
  score: (item: T) => number,
  demoShare: number,
  lagShare: number,
): { ranked: Ranked<T>[]; demonstration: Ranked<T>[]; lagging: Ranked<T>[] } {
  const ranked = rank(items, score);
  if (ranked.length < 2) return { ranked, demonstration: [], lagging: [] };
  const demoCount = Math.max(1, Math.round(ranked.length * demoShare));
  const lagCount = Math.max(1, Math.round(ranked.length * lagShare));
  const demonstration = ranked.slice(0, Math.min(demoCount, ranked.length - 1));
  const lagging = ranked.slice(Math.max(demonstration.length, ranked.length - lagCount));
  return { ranked, demonstration, lagging };
}

/** Months paid ÷ months due of a roster's members, from each one's first month of dues (null: none due). */
export function duesShare(
  rates: readonly { memberId: string; fromMonth: string }[],
  rosterIds: ReadonlySet<string>,
  paid: ReadonlySet<string>,
  firstMonth: string,
  lastDue: string,
): number | null {
  let expected = 0;
  let settled = 0;
  for (const r of rates) {
    if (!rosterIds.has(r.memberId)) continue;
    // "YYYY-MM" strings: the later of the two sorts last.
    const from = [r.fromMonth, firstMonth].sort()[1] ?? firstMonth;
    if (from > lastDue) continue;
    for (const month of monthsBetween(from, lastDue)) {
      expected++;
      if (paid.has(`${r.memberId}|${month}`)) settled++;
    }
  }
  return expected === 0 ? null : settled / expected;
}

/** Each branch's hand score of an item (`branchId|itemId`): the average of its quarters, the last comment. */
export function averageHandScores(
  hand: readonly { branchId: string; itemId: string; score: number; comment: string | null }[],
): Map<string, { score: number; comment: string | null }> {
  const byItem = new Map<string, (typeof hand)[number][]>();
  for (const h of hand)
    byItem.set(`${h.branchId}|${h.itemId}`, [...(byItem.get(`${h.branchId}|${h.itemId}`) ?? []), h]);
  const averaged = new Map<string, { score: number; comment: string | null }>();
  for (const [key, list] of byItem) {
    const average = Math.round((list.reduce((n, h) => n + h.score, 0) / list.length) * 10) / 10;
    averaged.set(key, { score: average, comment: list.at(-1)?.comment ?? null });
  }
  return averaged;
}

// Points (积分) as data: so many points for each meeting attended, capped per type per year (the
// provincial scheme in DOMAIN.md: 5 a meeting; general meeting capped at 20, committee, group and
// theme day at 60, lesson and life meeting at 5). Pure, so every rule is unit-tested.
import { type ServicePointsRules, servicePoints } from "../community/community-rules.js";
import type { MeetingType } from "../meetings/meeting-types.js";

export interface PointsRules {
  perMeeting: number;
  /** Yearly cap per meeting type; a type not listed is uncapped. */
  caps: Partial<Record<MeetingType, number>>;
}

/** A member's points for a year from their attended meetings counted by type (what the database returns). */
export function pointsFromCounts(counts: { type: string; n: number }[], rules: PointsRules): number {
  return counts.reduce(
    (total, { type, n }) =>
      total + Math.min(n * rules.perMeeting, rules.caps[type as MeetingType] ?? Number.POSITIVE_INFINITY),
    0,
  );
}

/**
 * A member's points for a year from their yearly tally: meetings attended by type (each type
 * capped), then whole hours served and wishes confirmed. The database computes the same sum for
 * the weekly board's top (TallyRepository.topScores); the scenario tests hold the two together.
 */
export function tallyPoints(
  tally: { byType: Partial<Record<MeetingType, number>>; serviceMinutes: number; wishes: number },
  rules: PointsRules & ServicePointsRules,
): number {
  return (
    pointsFromCounts(
      Object.entries(tally.byType).map(([type, n]) => ({ type, n: n ?? 0 })),
      rules,
    ) + servicePoints(tally.serviceMinutes, tally.wishes, rules)
  );
}

export interface Ranked<T> {
  item: T;
  rank: number;
}

/** Competition ranking (1, 2, 2, 4) by score, highest first; ties keep the given order. */
export function rank<T>(items: T[], score: (item: T) => number): Ranked<T>[] {
  const sorted = [...items].sort((a, b) => score(b) - score(a));
  return sorted.map((item, i) => {
    let first = i;
    while (first > 0 && score(sorted[first - 1] as T) === score(item)) first -= 1;
    return { item, rank: first + 1 };
  });
}

/** The top of a member ranking only: never the bottom, and never anyone with no points. */
export function topOnly<T>(ranked: Ranked<T>[], score: (item: T) => number, count: number): Ranked<T>[] {
  return ranked.filter((r) => score(r.item) > 0 && r.rank <= count);
}

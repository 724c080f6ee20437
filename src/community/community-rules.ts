// Pure rules of community work: how long someone served, when a wish claim needs a nudge or
// lapses, and what it is worth in points.

/** Time served: check-in to check-out, never more than the activity's length plus an hour. */
export function servedMinutes(
  checkedIn: Date,
  checkedOut: Date,
  activity: { startsAt: Date; endsAt: Date },
): number {
  const served = Math.floor((checkedOut.getTime() - checkedIn.getTime()) / 60_000);
  const longest = Math.floor((activity.endsAt.getTime() - activity.startsAt.getTime()) / 60_000) + 60;
  return Math.max(0, Math.min(served, longest));
}

/** Hours as people say them: whole or one decimal ("2", "2.5"). */
export function hoursText(minutes: number): string {
  const hours = Math.round((minutes / 60) * 10) / 10;
  return Number.isInteger(hours) ? String(hours) : hours.toFixed(1);
}

export type ClaimStanding = "in_time" | "remind" | "lapsed";

/** Where a claim stands: lapsed at its due time; a reminder first, `remindHours` before. */
export function claimStanding(
  claim: { claimDueAt: Date; claimRemindedAt: Date | null },
  now: Date,
  remindHours: number,
): ClaimStanding {
  if (now >= claim.claimDueAt) return "lapsed";
  const remindFrom = claim.claimDueAt.getTime() - remindHours * 3_600_000;
  return now.getTime() >= remindFrom && !claim.claimRemindedAt ? "remind" : "in_time";
}

export interface ServicePointsRules {
  perServiceHour: number;
  perWish: number;
}

/** Points for service: per whole hour served, and per wish fulfilled and confirmed. */
export function servicePoints(minutes: number, wishesConfirmed: number, rules: ServicePointsRules): number {
  return Math.floor(minutes / 60) * rules.perServiceHour + wishesConfirmed * rules.perWish;
}

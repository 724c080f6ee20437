// The words of a branch's half-year report (述职), from facts only.
import type { Translate } from "../core/i18n.js";
import type { BranchFacts } from "./evaluation-rules.js";

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? "—" : `${Math.round(x * 100)}%`;

export function evaluationReviewText(
  branchName: string,
  r: { key: string; facts: BranchFacts | undefined; held: Map<string, number> },
  warnings: number,
  t: Translate,
  hours: (minutes: number) => string,
): string {
  const held =
    [...r.held.entries()].map(([type, n]) => `${t(`meetingTypes.${type}`)} ${n}`).join("、") || "—";
  const f = r.facts;
  return [
    t("evaluation.reviewTitle", { name: branchName, period: r.key }),
    t("evaluation.reviewMeetings", { held, completion: pct(f?.completion) }),
    t("evaluation.reviewAttendance", { rate: pct(f?.attendance) }),
    t("evaluation.reviewDues", { rate: pct(f?.dues) }),
    t("evaluation.reviewMinutes", { rate: pct(f?.minutes) }),
    t("evaluation.reviewService", { hours: hours(Math.round(f?.volunteerMinutesPerMember ?? 0)) }),
    t("evaluation.reviewWarnings", { count: warnings }),
  ].join("\n");
}

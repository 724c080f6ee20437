// The words of a branch's half-year report (述职), from facts only.
import { hoursText } from "../community/community-rules.js";
import type { Translate } from "../core/i18n.js";
import type { OrgRecord } from "../organization/organization-repository.js";
import type { Services } from "../services.js";
import type { BranchFacts } from "./evaluation-rules.js";

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? "—" : `${Math.round(x * 100)}%`;

export function evaluationReviewText(
  branchName: string,
  r: { key: string; facts: BranchFacts | undefined; held: Map<string, number> },
  warnings: number,
  t: Translate,
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
    t("evaluation.reviewService", { hours: hoursText(Math.round(f?.volunteerMinutesPerMember ?? 0)) }),
    t("evaluation.reviewWarnings", { count: warnings }),
  ].join("\n");
}

/** The branch's report for this or the last half-year, as the secretary would submit it. */
export async function branchReview(
  services: Services,
  personId: string,
  branch: OrgRecord,
  which: "this" | "last",
  now: Date,
  t: Translate,
): Promise<{ key: string; text: string }> {
  const facts = await services.evaluation.reviewFacts(personId, branch, which, now);
  const warnings = await services.warnings.forBranch(branch, now);
  return { key: facts.key, text: evaluationReviewText(branch.name, facts, warnings.length, t) };
}

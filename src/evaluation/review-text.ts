// The words of a branch's half-year report (述职), from facts only.
import { DateTime } from "luxon";
import { hoursText } from "../community/community-rules.js";
import { percent } from "../core/format.js";
import type { Translate } from "../core/i18n.js";
import type { DevelopmentFiles } from "../development/development-files.js";
import type { OrgZones } from "../organization/org-zones.js";
import type { OrgRecord } from "../organization/organization-repository.js";
import type { WarningService } from "../warnings/warning-service.js";
import type { BranchFacts } from "./evaluation-rules.js";
import type { EvaluationService } from "./evaluation-service.js";

export interface DevelopmentFacts {
  applicants: number;
  activists: number;
  candidates: number;
  probationary: number;
  admitted: number;
  madeFull: number;
}

export function evaluationReviewText(
  branchName: string,
  r: { key: string; facts: BranchFacts | undefined; held: Map<string, number> },
  warnings: number,
  t: Translate,
  development?: DevelopmentFacts,
): string {
  const held =
    [...r.held.entries()].map(([type, n]) => `${t(`meetingTypes.${type}`)} ${n}`).join("、") || "—";
  const f = r.facts;
  return [
    t("evaluation.reviewTitle", { name: branchName, period: r.key }),
    t("evaluation.reviewMeetings", { held, completion: percent(f?.completion) }),
    t("evaluation.reviewAttendance", { rate: percent(f?.attendance) }),
    t("evaluation.reviewDues", { rate: percent(f?.dues) }),
    t("evaluation.reviewMinutes", { rate: percent(f?.minutes) }),
    t("evaluation.reviewService", { hours: hoursText(Math.round(f?.volunteerMinutesPerMember ?? 0)) }),
    t("evaluation.reviewWarnings", { count: warnings }),
    ...(development ? [t("evaluation.reviewDevelopment", { ...development })] : []),
  ].join("\n");
}

/** The branch's report for this or the last half-year, as the secretary would submit it. */
export async function branchReview(
  services: {
    evaluation: EvaluationService;
    warnings: WarningService;
    zones: Pick<OrgZones, "of">;
    developmentFiles: DevelopmentFiles;
  },
  personId: string,
  branch: OrgRecord,
  which: "this" | "last",
  now: Date,
  t: Translate,
): Promise<{ key: string; text: string }> {
  const facts = await services.evaluation.reviewFacts(personId, branch, which, now);
  const warnings = await services.warnings.forBranch(branch, now);
  const zone = await services.zones.of(branch.id);
  const day = (d: Date) => DateTime.fromJSDate(d, { zone }).toISODate() ?? "";
  const development = await services.developmentFiles.reportFacts(
    branch.id,
    day(facts.period.start),
    day(new Date(facts.period.end.getTime() - 1)),
  );
  return {
    key: facts.key,
    text: evaluationReviewText(branch.name, facts, warnings.length, t, development),
  };
}

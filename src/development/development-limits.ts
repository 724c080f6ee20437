// The 发展党员 rules' figures for a branch: the development.* settings as its committees set them
// (inherited down the tree), and the branch's zone for its local days.

import type { OrgZones } from "../organization/org-zones.js";
import type { OrganizationRepository, OrgRecord } from "../organization/organization-repository.js";
import { effectiveSettings } from "../organization/settings.js";
import type { DevelopmentLimits } from "./development-rules.js";

export async function limitsOf(
  orgs: OrganizationRepository,
  zones: OrgZones,
  branchId: string,
): Promise<{ limits: DevelopmentLimits; zone: string; chain: OrgRecord[] }> {
  const chain = await orgs.chain(branchId);
  const s = effectiveSettings(chain);
  const n = (key: keyof typeof s) => s[key].value as number;
  return {
    chain,
    zone: zones.ofChain(chain),
    limits: {
      talkWithinDays: n("development.talkWithinDays"),
      activistMonths: n("development.activistMonths"),
      reviewEveryMonths: n("development.reviewEveryMonths"),
      trainingDays: n("development.trainingDays"),
      trainingHours: n("development.trainingHours"),
      publicityDays: n("development.publicityDays"),
      approvalMonths: n("development.approvalMonths"),
      noticeDays: n("development.noticeDays"),
    },
  };
}

// The 发展党员 pipeline as data: the five stages and their steps in the order of 《中国共产党发展
// 党员工作细则》 (2014), each with what must come before it, who records it, the stage it leads to,
// and the time rules inspectors check — named by the organisation setting that holds the figure,
// so a committee tightens them for its branches (see ../shared/DOMAIN.md, 发展党员).
import type { SettingKey } from "../organization/settings.js";

export const STAGES = ["applicant", "activist", "candidate", "probationary", "full", "cancelled"] as const;
export type Stage = (typeof STAGES)[number];

/** What a step must name besides its date. */
export type StepNeeds = "contacts" | "introducers" | "training" | "vote" | "extension" | "reason";

export interface StepRule {
  key: string;
  /** Stages in which it may be recorded. */
  in: readonly Stage[];
  /** Steps recorded before it (each at least once). */
  after: readonly string[];
  /** The branch's 支委 record it; the committee's are the higher committee's own acts. */
  by: "branch" | "committee";
  /** Recorded more than once (the half-yearly reviews). */
  repeatable?: boolean;
  /** The stage the person is in once it is recorded. */
  becomes?: Stage;
  /** Not before this long after an earlier step (refused when earlier). */
  notBefore?: { from: string; setting: SettingKey; unit: "days" | "months" };
  /** Due this long after an earlier step (nudged, and noted when recorded late). */
  dueAfter?: { from: string; setting: SettingKey; unit: "days" | "months" };
  needs?: StepNeeds;
}

export const STEPS: readonly StepRule[] = [
  // 1 申请入党
  { key: "application", in: [], after: [], by: "branch" },
  {
    key: "talk",
    in: ["applicant"],
    after: ["application"],
    by: "branch",
    dueAfter: { from: "application", setting: "development.talkWithinDays", unit: "days" },
  },
  // 2 入党积极分子的确定和培养教育
  { key: "recommend", in: ["applicant"], after: ["talk"], by: "branch" },
  { key: "activist", in: ["applicant"], after: ["recommend"], by: "branch", becomes: "activist" },
  { key: "activist_filed", in: ["activist"], after: ["activist"], by: "branch" },
  { key: "contacts", in: ["activist"], after: ["activist"], by: "branch", needs: "contacts" },
  {
    key: "review",
    in: ["activist", "candidate"],
    after: ["contacts"],
    by: "branch",
    repeatable: true,
  },
  // 3 发展对象的确定和考察
  {
    key: "candidate",
    in: ["activist"],
    after: ["activist_filed", "contacts", "review"],
    by: "branch",
    becomes: "candidate",
    notBefore: { from: "activist", setting: "development.activistMonths", unit: "months" },
  },
  { key: "candidate_filed", in: ["candidate"], after: ["candidate"], by: "branch" },
  { key: "introducers", in: ["candidate"], after: ["candidate"], by: "branch", needs: "introducers" },
  { key: "political_review", in: ["candidate"], after: ["candidate"], by: "branch" },
  { key: "training", in: ["candidate"], after: ["candidate"], by: "branch", needs: "training" },
  // 4 预备党员的接收
  {
    key: "committee_review",
    in: ["candidate"],
    after: ["candidate_filed", "introducers", "political_review", "training"],
    by: "branch",
  },
  { key: "pre_review", in: ["candidate"], after: ["committee_review"], by: "committee" },
  { key: "publicity", in: ["candidate"], after: ["pre_review"], by: "branch" },
  { key: "volunteer_form", in: ["candidate"], after: ["publicity"], by: "branch" },
  {
    key: "admission_vote",
    in: ["candidate"],
    after: ["volunteer_form"],
    by: "branch",
    needs: "vote",
    becomes: "probationary",
    notBefore: { from: "publicity", setting: "development.publicityDays", unit: "days" },
  },
  { key: "committee_talk", in: ["probationary"], after: ["admission_vote"], by: "committee" },
  {
    key: "approval",
    in: ["probationary"],
    after: ["committee_talk"],
    by: "committee",
    dueAfter: { from: "admission_vote", setting: "development.approvalMonths", unit: "months" },
  },
  // 5 预备党员的教育考察和转正
  { key: "oath", in: ["probationary"], after: ["approval"], by: "branch" },
  {
    key: "probation_review",
    in: ["probationary"],
    after: ["approval"],
    by: "branch",
    repeatable: true,
  },
  { key: "extend", in: ["probationary"], after: ["approval"], by: "branch", needs: "extension" },
  { key: "full_application", in: ["probationary"], after: ["approval"], by: "branch" },
  { key: "full_vote", in: ["probationary"], after: ["full_application"], by: "branch", needs: "vote" },
  {
    key: "full_approval",
    in: ["probationary"],
    after: ["full_vote"],
    by: "committee",
    becomes: "full",
    dueAfter: { from: "full_vote", setting: "development.approvalMonths", unit: "months" },
  },
  { key: "archive", in: ["full"], after: ["full_approval"], by: "branch" },
  // 取消预备党员资格: a probationer found unfit, on the branch general meeting's decision.
  {
    key: "cancel",
    in: ["probationary"],
    after: ["approval"],
    by: "branch",
    needs: "reason",
    becomes: "cancelled",
  },
];

export type StepKey = (typeof STEPS)[number]["key"];

const BY_KEY = new Map(STEPS.map((s) => [s.key, s]));

export function stepRule(key: string): StepRule | undefined {
  return BY_KEY.get(key);
}

/**
 * The words secretaries use for each step (the first is how the bot names it in Chinese; the
 * catalogue has the full names). Matched after spaces are removed.
 */
export const STEP_WORDS: Record<string, readonly string[]> = {
  application: ["申请", "入党申请", "递交申请"],
  talk: ["谈话", "入党谈话", "派人谈话"],
  recommend: ["推荐", "推优", "党员推荐"],
  activist: ["积极分子", "确定积极分子"],
  activist_filed: ["积极分子备案"],
  contacts: ["联系人", "培养联系人"],
  review: ["考察", "培养考察", "半年考察"],
  candidate: ["发展对象", "确定发展对象"],
  candidate_filed: ["发展对象备案"],
  introducers: ["介绍人", "入党介绍人"],
  political_review: ["政审", "政治审查"],
  training: ["培训", "集中培训"],
  committee_review: ["支委会审查", "审查"],
  pre_review: ["预审", "党委预审"],
  publicity: ["公示"],
  volunteer_form: ["志愿书", "入党志愿书"],
  admission_vote: ["接收表决", "大会表决", "接收预备党员"],
  committee_talk: ["党委谈话"],
  approval: ["审批", "党委审批"],
  oath: ["宣誓", "入党宣誓"],
  probation_review: ["预备考察", "预备期考察"],
  extend: ["延长预备期", "延长"],
  full_application: ["转正申请"],
  full_vote: ["转正表决"],
  full_approval: ["转正审批", "转正"],
  archive: ["归档", "材料归档"],
  cancel: ["取消资格", "取消预备党员资格"],
};

/** The step a typed word names (Chinese words or the key itself), or null. */
export function stepOfWord(word: string): StepRule | null {
  const wanted = word.replace(/\s+/g, "").toLowerCase();
  for (const rule of STEPS)
    if (rule.key === wanted || (STEP_WORDS[rule.key] ?? []).includes(wanted)) return rule;
  return null;
}

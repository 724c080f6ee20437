// The 发展党员 rules as plain functions over a person's recorded steps: whether a step may be
// recorded on a day (and the rule's words when not), what is due next and when, and where the
// 预备期 ends. Dates are the branch's local days (YYYY-MM-DD); the figures come from settings.
import { DateTime } from "luxon";
import { STEPS, type Stage, type StepRule } from "./development-steps.js";

export interface StepDetails {
  /** Member codes: 培养联系人 or 入党介绍人. */
  members?: string[];
  /** Their names when the step was recorded: the record keeps who they were then. */
  memberNames?: string[];
  /** 集中培训: days or 学时. */
  days?: number;
  hours?: number;
  /** The 支部党员大会 that voted, and the votes for. */
  meeting?: string;
  votesFor?: number;
  /** An extension of the 预备期, in months. */
  months?: number;
  reason?: string;
}

export interface StepEntry {
  step: string;
  on: string;
  details: StepDetails;
}

export interface DevelopmentState {
  stage: Stage;
  birthDate: string;
  steps: readonly StepEntry[];
  probationEndsOn: string | null;
}

export interface DevelopmentLimits {
  talkWithinDays: number;
  activistMonths: number;
  reviewEveryMonths: number;
  trainingDays: number;
  trainingHours: number;
  publicityDays: number;
  approvalMonths: number;
  noticeDays: number;
}

export const DEFAULT_LIMITS: DevelopmentLimits = {
  talkWithinDays: 30,
  activistMonths: 12,
  reviewEveryMonths: 6,
  trainingDays: 3,
  trainingHours: 24,
  publicityDays: 5,
  approvalMonths: 3,
  noticeDays: 30,
};

/** The 预备期: one year from the day the branch general meeting admitted them. */
export const PROBATION_MONTHS = 12;

export interface Refusal {
  code: string;
  params: Record<string, string | number>;
}

const day = (iso: string) => DateTime.fromISO(iso, { zone: "UTC" });
const iso = (d: DateTime) => d.toISODate() ?? "";

const limitOf = (setting: string, limits: DevelopmentLimits): number =>
  limits[setting.replace("development.", "") as keyof DevelopmentLimits];

/** The last time a step was recorded, or undefined. */
export function lastOf(state: DevelopmentState, step: string): StepEntry | undefined {
  return state.steps.filter((s) => s.step === step).at(-1);
}

const plus = (on: string, amount: number, unit: "days" | "months") => iso(day(on).plus({ [unit]: amount }));

/**
 * Why `rule` may not be recorded on `on` (today being `today`), or null when it may. Checks the
 * stage, the order, the date and the minimum intervals; who may record it and the people it
 * names are checked where the records are.
 */
export function refusalFor(
  state: DevelopmentState,
  rule: StepRule,
  on: string,
  today: string,
  limits: DevelopmentLimits,
): Refusal | null {
  if (on > today) return { code: "future", params: { on } };
  if (!rule.in.includes(state.stage))
    return { code: "wrongStage", params: { step: rule.key, stage: state.stage } };
  const done = lastOf(state, rule.key);
  if (done && !rule.repeatable) return { code: "already", params: { step: rule.key, on: done.on } };
  const missing = rule.after.find((key) => !lastOf(state, key));
  if (missing) return { code: "outOfOrder", params: { step: rule.key, missing } };
  const previous = rule.after
    .map((key) => lastOf(state, key))
    .filter((s): s is StepEntry => Boolean(s))
    .sort((a, b) => b.on.localeCompare(a.on))[0];
  if (previous && on < previous.on)
    return {
      code: "beforePrevious",
      params: { step: rule.key, previous: previous.step, previousOn: previous.on },
    };
  if (rule.notBefore) {
    const from = lastOf(state, rule.notBefore.from);
    const amount = limitOf(rule.notBefore.setting, limits);
    const earliest = from ? plus(from.on, amount, rule.notBefore.unit) : null;
    if (from && earliest && on < earliest)
      return {
        code: "tooSoon",
        params: {
          step: rule.key,
          from: from.step,
          fromOn: from.on,
          amount,
          unit: rule.notBefore.unit,
          earliest,
        },
      };
  }
  if (rule.key === "full_vote" && state.probationEndsOn && on < state.probationEndsOn)
    return { code: "probationNotOver", params: { end: state.probationEndsOn } };
  return null;
}

/** Whether a person born on `birthDate` may apply on `on`: at least 18 (《党章》第一条). */
export function oldEnoughToApply(birthDate: string, on: string): boolean {
  return plus(birthDate, 18 * 12, "months") <= on;
}

/** Whether a 集中培训 is long enough: at least the days or the 学时 the rule asks. */
export function trainingEnough(details: StepDetails, limits: DevelopmentLimits): boolean {
  return (details.days ?? 0) >= limits.trainingDays || (details.hours ?? 0) >= limits.trainingHours;
}

/** The end of the 预备期 after `entry` is recorded (admission sets it, an extension moves it). */
export function probationEndAfter(state: DevelopmentState, entry: StepEntry): string | null {
  if (entry.step === "admission_vote") return plus(entry.on, PROBATION_MONTHS, "months");
  if (entry.step === "extend" && state.probationEndsOn)
    return plus(state.probationEndsOn, entry.details.months ?? 0, "months");
  return state.probationEndsOn;
}

export type DueKind =
  | "talk"
  | "review"
  | "probation_review"
  | "full_application"
  | "approval"
  | "full_approval";

export interface Due {
  kind: DueKind;
  /** The day it falls due. */
  due: string;
  /** When the nudges begin: the due day, or earlier for what needs preparing (转正申请). */
  from: string;
}

/** What is due of the person's record and when: the deadlines the nudges and /pipeline show. */
export function duesOf(state: DevelopmentState, limits: DevelopmentLimits): Due[] {
  const dues: Due[] = [];
  const application = lastOf(state, "application");
  if (application && !lastOf(state, "talk")) {
    const due = plus(application.on, limits.talkWithinDays, "days");
    // A week's notice: the talk can still be held in time.
    dues.push({ kind: "talk", due, from: plus(due, -7, "days") });
  }
  if (state.stage === "activist" || state.stage === "candidate") {
    const since = lastOf(state, "review") ?? lastOf(state, "activist");
    if (since) {
      const due = plus(since.on, limits.reviewEveryMonths, "months");
      dues.push({ kind: "review", due, from: due });
    }
  }
  if (state.stage === "probationary") {
    const vote = lastOf(state, "admission_vote");
    if (vote && !lastOf(state, "approval")) {
      const due = plus(vote.on, limits.approvalMonths, "months");
      dues.push({ kind: "approval", due, from: due });
    }
    const since = lastOf(state, "probation_review") ?? lastOf(state, "approval");
    if (since) {
      const due = plus(since.on, limits.reviewEveryMonths, "months");
      if (!state.probationEndsOn || due < state.probationEndsOn)
        dues.push({ kind: "probation_review", due, from: due });
    }
    if (state.probationEndsOn && lastOf(state, "approval") && !lastOf(state, "full_application"))
      dues.push({
        kind: "full_application",
        due: state.probationEndsOn,
        from: plus(state.probationEndsOn, -limits.noticeDays, "days"),
      });
    const fullVote = lastOf(state, "full_vote");
    if (fullVote && !lastOf(state, "full_approval")) {
      const due = plus(fullVote.on, limits.approvalMonths, "months");
      dues.push({ kind: "full_approval", due, from: due });
    }
  }
  return dues.sort((a, b) => a.due.localeCompare(b.due));
}

/** Steps that are recorded when needed, not as the next one in line. */
const OCCASIONAL = new Set(["review", "probation_review", "extend", "cancel"]);

/** The next step in line for the person (its earliest day when a rule sets one), or null at the end. */
export function nextStep(
  state: DevelopmentState,
  limits: DevelopmentLimits,
): { step: string; earliest: string | null } | null {
  for (const rule of STEPS) {
    if (OCCASIONAL.has(rule.key) || lastOf(state, rule.key) || !rule.in.includes(state.stage)) continue;
    if (rule.after.some((key) => !lastOf(state, key))) {
      // The first occasional step it waits on (a first 培养考察) is what comes next.
      const waiting = rule.after.find((key) => !lastOf(state, key) && OCCASIONAL.has(key));
      if (waiting) return { step: waiting, earliest: null };
      continue;
    }
    const from = rule.notBefore ? lastOf(state, rule.notBefore.from) : undefined;
    const earliest =
      rule.notBefore && from
        ? plus(from.on, limitOf(rule.notBefore.setting, limits), rule.notBefore.unit)
        : null;
    if (rule.key === "full_vote") return { step: rule.key, earliest: state.probationEndsOn };
    return { step: rule.key, earliest };
  }
  return null;
}

/** The rules' view of a stored record. */
export function stateOf(record: DevelopmentState): DevelopmentState {
  return {
    stage: record.stage,
    birthDate: record.birthDate,
    steps: record.steps,
    probationEndsOn: record.probationEndsOn,
  };
}

/** Today (or any instant's day) in the branch's zone, as the records write days. */
export const localDay = (now: Date, zone: string): string =>
  DateTime.fromJSDate(now, { zone }).toISODate() ?? "";

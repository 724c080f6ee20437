// The 发展党员 time and order rules, table by table: what may be recorded on a day and why not,
// what falls due when, and what comes next — on a record built step by step as a branch keeps it.
import { describe, expect, it } from "vitest";
import {
  DEFAULT_LIMITS,
  type DevelopmentState,
  duesOf,
  nextStep,
  oldEnoughToApply,
  probationEndAfter,
  refusalFor,
  type StepDetails,
  trainingEnough,
} from "../../src/development/development-rules.js";
import {
  STEP_WORDS,
  STEPS,
  type Stage,
  stepOfWord,
  stepRule,
} from "../../src/development/development-steps.js";

/** A record after these steps, its stage and 预备期 following as the service keeps them. */
function recordAfter(steps: Steps): DevelopmentState {
  let state: DevelopmentState = {
    stage: "applicant",
    birthDate: "2000-05-01",
    steps: [],
    probationEndsOn: null,
  };
  for (const [step, on, details = {}] of steps) {
    const entry = { step, on, details };
    const rule = stepRule(step);
    state = {
      ...state,
      stage: (rule?.becomes ?? state.stage) as Stage,
      probationEndsOn: probationEndAfter(state, entry),
      steps: [...state.steps, entry],
    };
  }
  return state;
}

type Steps = [string, string, StepDetails?][];
const APPLICANT: Steps = [["application", "2024-03-01"]];
const ACTIVIST: Steps = [
  ...APPLICANT,
  ["talk", "2024-03-20"],
  ["recommend", "2024-04-10"],
  ["activist", "2024-04-20"],
  ["activist_filed", "2024-04-25"],
  ["contacts", "2024-04-25"],
  ["review", "2024-10-20"],
];
const CANDIDATE: Steps = [
  ...ACTIVIST,
  ["review", "2025-04-15"],
  ["candidate", "2025-04-20"],
  ["candidate_filed", "2025-04-25"],
  ["introducers", "2025-05-10"],
  ["political_review", "2025-06-10"],
  ["training", "2025-06-20"],
  ["committee_review", "2025-07-01"],
  ["pre_review", "2025-07-10"],
  ["publicity", "2025-07-11"],
  ["volunteer_form", "2025-07-12"],
];
const PROBATIONER: Steps = [
  ...CANDIDATE,
  ["admission_vote", "2025-07-20"],
  ["committee_talk", "2025-08-10"],
  ["approval", "2025-08-20"],
];

describe("whether a step may be recorded", () => {
  const cases: [string, Steps, string, string, string | null][] = [
    // [what, record so far, step, on, refusal code]
    ["the talk after the application", APPLICANT, "talk", "2024-03-15", null],
    ["a talk dated before the application", APPLICANT, "talk", "2024-02-28", "beforePrevious"],
    ["a talk on a day still to come", APPLICANT, "talk", "2026-12-02", "future"],
    ["a talk recorded twice", [...APPLICANT, ["talk", "2024-03-20"]], "talk", "2024-03-21", "already"],
    ["a recommendation before any talk", APPLICANT, "recommend", "2024-03-20", "outOfOrder"],
    [
      "an activist before the recommendation",
      [...APPLICANT, ["talk", "2024-03-20"]],
      "activist",
      "2024-04-01",
      "outOfOrder",
    ],
    ["a 发展对象 before a full year of 培养", ACTIVIST, "candidate", "2025-04-19", "tooSoon"],
    ["a 发展对象 a full year after", ACTIVIST, "candidate", "2025-04-20", null],
    ["a 发展对象 without any review", ACTIVIST.slice(0, -1), "candidate", "2025-05-01", "outOfOrder"],
    ["a second review half a year on", ACTIVIST, "review", "2025-04-20", null],
    ["an 发展对象 step for an applicant", APPLICANT, "introducers", "2024-03-20", "wrongStage"],
    [
      "the committee review before the training",
      CANDIDATE.slice(0, 12),
      "committee_review",
      "2025-06-25",
      "outOfOrder",
    ],
    ["the vote two days into the 公示", CANDIDATE, "admission_vote", "2025-07-13", "tooSoon"],
    ["the vote after five days of 公示", CANDIDATE, "admission_vote", "2025-07-16", null],
    [
      "the oath before the committee approved",
      [...CANDIDATE, ["admission_vote", "2025-07-20"]],
      "oath",
      "2025-07-25",
      "outOfOrder",
    ],
    ["the oath after the approval", PROBATIONER, "oath", "2025-09-01", null],
    [
      "转正 vote before the 预备期 ends",
      [...PROBATIONER, ["full_application", "2026-06-25"]],
      "full_vote",
      "2026-07-19",
      "probationNotOver",
    ],
    [
      "转正 vote on the day it ends",
      [...PROBATIONER, ["full_application", "2026-06-25"]],
      "full_vote",
      "2026-07-20",
      null,
    ],
    ["转正 vote without an application", PROBATIONER, "full_vote", "2026-07-25", "outOfOrder"],
    [
      "a second extension",
      [...PROBATIONER, ["extend", "2026-07-01", { months: 6 }]],
      "extend",
      "2026-08-01",
      "already",
    ],
    ["取消资格 of a probationer", PROBATIONER, "cancel", "2026-03-01", null],
    ["取消资格 of an activist", ACTIVIST, "cancel", "2025-01-01", "wrongStage"],
    ["归档 before 转正", PROBATIONER, "archive", "2026-09-01", "wrongStage"],
  ];
  it.each(cases)("%s", (_what, steps, step, on, expected) => {
    const rule = stepRule(step);
    if (!rule) throw new Error(step);
    expect(refusalFor(recordAfter(steps), rule, on, "2026-12-01", DEFAULT_LIMITS)?.code ?? null).toBe(
      expected,
    );
  });

  it("says the earliest day a too-early step may be recorded, and the rule's figure", () => {
    const rule = stepRule("candidate");
    if (!rule) throw new Error("candidate");
    expect(refusalFor(recordAfter(ACTIVIST), rule, "2025-03-01", "2026-12-01", DEFAULT_LIMITS)).toEqual({
      code: "tooSoon",
      params: {
        step: "candidate",
        from: "activist",
        fromOn: "2024-04-20",
        amount: 12,
        unit: "months",
        earliest: "2025-04-20",
      },
    });
    // A committee that asks 18 months moves the day.
    const stricter = { ...DEFAULT_LIMITS, activistMonths: 18 };
    expect(
      refusalFor(recordAfter(ACTIVIST), rule, "2025-06-01", "2026-12-01", stricter)?.params.earliest,
    ).toBe("2025-10-20");
  });
});

describe("age, training and the 预备期", () => {
  it.each([
    ["2000-05-01", "2018-05-01", true],
    ["2000-05-01", "2018-04-30", false],
    // Born on 29 February: of age on the 28th in a common year.
    ["2008-02-29", "2026-02-27", false],
    ["2008-02-29", "2026-02-28", true],
  ])("born %s applying on %s: old enough %s", (birth, on, ok) => {
    expect(oldEnoughToApply(birth, on)).toBe(ok);
  });

  it.each([
    [{ days: 3 }, true],
    [{ days: 2 }, false],
    [{ hours: 24 }, true],
    [{ hours: 20, days: 2 }, false],
    [{}, false],
  ])("training %j is enough: %s", (details, ok) => {
    expect(trainingEnough(details, DEFAULT_LIMITS)).toBe(ok);
  });

  it("ends the 预备期 a year after the admission vote, and an extension moves it", () => {
    const admitted = recordAfter(PROBATIONER);
    expect(admitted.probationEndsOn).toBe("2026-07-20");
    expect(recordAfter([...PROBATIONER, ["extend", "2026-07-01", { months: 6 }]]).probationEndsOn).toBe(
      "2027-01-20",
    );
  });
});

describe("what falls due", () => {
  const cases: [string, Steps, [string, string, string][]][] = [
    ["the talk a month after the application", APPLICANT, [["talk", "2024-03-31", "2024-03-24"]]],
    ["nothing while an applicant was talked to", [...APPLICANT, ["talk", "2024-03-20"]], []],
    [
      "the first review half a year after becoming an activist",
      ACTIVIST.slice(0, 6),
      [["review", "2024-10-20", "2024-10-20"]],
    ],
    ["the next review half a year after the last", ACTIVIST, [["review", "2025-04-20", "2025-04-20"]]],
    [
      "the committee's approval three months after the vote",
      [...CANDIDATE, ["admission_vote", "2025-07-20"], ["committee_talk", "2025-08-10"]],
      [["approval", "2025-10-20", "2025-10-20"]],
    ],
    [
      "a probation review, then the 转正申请 asked for 30 days before the end",
      PROBATIONER,
      [
        ["probation_review", "2026-02-20", "2026-02-20"],
        ["full_application", "2026-07-20", "2026-06-20"],
      ],
    ],
    [
      "the 转正 approval three months after its vote",
      [
        ...PROBATIONER,
        ["probation_review", "2026-02-01"],
        ["full_application", "2026-06-25"],
        ["full_vote", "2026-07-21"],
      ],
      [["full_approval", "2026-10-21", "2026-10-21"]],
    ],
  ];
  it.each(cases)("%s", (_what, steps, expected) => {
    expect(duesOf(recordAfter(steps), DEFAULT_LIMITS).map((d) => [d.kind, d.due, d.from])).toEqual(expected);
  });
});

describe("the next step in line", () => {
  const cases: [Steps, string | null, string | null][] = [
    [APPLICANT, "talk", null],
    [ACTIVIST.slice(0, 6), "review", null],
    [ACTIVIST, "candidate", "2025-04-20"],
    [CANDIDATE, "admission_vote", "2025-07-16"],
    [PROBATIONER, "oath", null],
    [[...PROBATIONER, ["oath", "2025-09-01"], ["full_application", "2026-06-25"]], "full_vote", "2026-07-20"],
  ];
  it.each(cases)("after %j comes %s (not before %s)", (steps, step, earliest) => {
    expect(nextStep(recordAfter(steps), DEFAULT_LIMITS)).toEqual(step ? { step, earliest } : null);
  });
});

describe("the words for the steps", () => {
  it("names every step, and no word names two", () => {
    const words = STEPS.flatMap((s) => STEP_WORDS[s.key] ?? []);
    expect(STEPS.every((s) => (STEP_WORDS[s.key] ?? []).length > 0)).toBe(true);
    expect(new Set(words).size).toBe(words.length);
    expect(stepOfWord("确定 发展对象")?.key).toBe("candidate");
    expect(stepOfWord("转正")?.key).toBe("full_approval");
    expect(stepOfWord("吃饭")).toBeNull();
  });
});

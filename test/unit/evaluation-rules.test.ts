import { describe, expect, it } from "vitest";
import { arrears, monthsBetween, unpaidStreak, yuanToFen } from "../../src/dues/dues-rules.js";
import {
  averageHandScores,
  DEFAULT_SHEET,
  duesShare,
  evaluationLists,
  itemMark,
  periodCompletion,
  weightedScore,
} from "../../src/evaluation/evaluation-rules.js";
import { periodOf } from "../../src/meetings/periods.js";

const zone = "Asia/Shanghai";
const q1 = periodOf(new Date("2026-02-01T00:00:00Z"), "quarter", zone);
const closed = (type: string, at: string) => ({
  type: type as "theme_day",
  groupId: null,
  startsAt: new Date(at),
  status: "closed" as const,
});

describe("evaluation rules", () => {
  it("counts a monthly meeting three times in a quarter and a quarterly one once, not a yearly one", () => {
    const frequencies = {
      committee_meeting: { period: "month" as const, times: 1 },
      general_meeting: { period: "quarter" as const, times: 1 },
      life_meeting: { period: "year" as const, times: 1 },
    };
    const meetings = [
      closed("committee_meeting", "2026-01-10T02:00:00Z"),
      closed("committee_meeting", "2026-01-20T02:00:00Z"), // a second in January does not cover February
      closed("committee_meeting", "2026-03-10T02:00:00Z"),
      closed("general_meeting", "2026-03-20T02:00:00Z"),
    ];
    const asOf = new Date("2026-04-01T00:00:00Z");
    expect(periodCompletion({ period: q1, asOf, zone, frequencies, groupIds: [], meetings })).toBe(3 / 4);
    // Mid-quarter, months not yet begun are not due.
    const early = new Date("2026-01-25T00:00:00Z");
    expect(periodCompletion({ period: q1, asOf: early, zone, frequencies, groupIds: [], meetings })).toBe(1);
    expect(periodCompletion({ period: q1, asOf, zone, frequencies: {}, groupIds: [], meetings })).toBe(1);
  });

  it("marks each item out of 100 from the facts, or by the committee's hand", () => {
    const facts = {
      completion: 0.5,
      attendance: 0.875,
      dues: null,
      minutes: 1,
      volunteerMinutesPerMember: 90,
      months: 3,
    };
    const marks = DEFAULT_SHEET.map((item) =>
      itemMark(item, facts, item.measure === "manual" ? 70 : undefined),
    );
    expect(marks).toEqual([50, 87.5, 0, 100, 50, 70]);
    expect(weightedScore(DEFAULT_SHEET, marks)).toBe(58);
    expect(weightedScore([], [])).toBe(0);
  });

  it("names the top share as demonstration candidates and at least one lagging branch, never both", () => {
    const scores = [88, 87, 72, 70, 69, 90, 60, 65, 80, 75].map((score, i) => ({ name: `支部${i}`, score }));
    const { ranked, demonstration, lagging } = evaluationLists(scores, (s) => s.score, 0.15, 0.05);
    expect(ranked[0]?.item.score).toBe(90);
    expect(demonstration.map((d) => d.item.score)).toEqual([90, 88]);
    expect(lagging.map((d) => d.item.score)).toEqual([60]);
    const two = evaluationLists(scores.slice(0, 2), (s) => s.score, 0.5, 0.5);
    expect(two.demonstration).toHaveLength(1);
    expect(two.lagging).toHaveLength(1);
    expect(evaluationLists(scores.slice(0, 1), (s) => s.score, 0.5, 0.5).lagging).toHaveLength(0);
  });
});

describe("evaluation facts", () => {
  it.each([
    // 王芳 owes Jan–Mar and paid two; 李强 starts in March and paid it.
    { paid: ["m1|2026-01", "m1|2026-02", "m2|2026-03"], share: 0.75 },
    { paid: [], share: 0 },
    { paid: ["m1|2026-01", "m1|2026-02", "m1|2026-03", "m2|2026-03"], share: 1 },
  ])("counts the dues paid of the months each member owed ($share)", ({ paid, share }) => {
    const rates = [
      { memberId: "m1", fromMonth: "2025-06" },
      { memberId: "m2", fromMonth: "2026-03" },
      { memberId: "other-branch", fromMonth: "2025-01" },
    ];
    expect(duesShare(rates, new Set(["m1", "m2"]), new Set(paid), "2026-01", "2026-03")).toBe(share);
  });

  it("has no dues share when nothing was due yet", () => {
    expect(
      duesShare([{ memberId: "m1", fromMonth: "2026-04" }], new Set(["m1"]), new Set(), "2026-01", "2026-03"),
    ).toBeNull();
  });

  it("averages a branch's quarters of a hand score to one decimal, keeping the last comment", () => {
    const scores = averageHandScores([
      { branchId: "b1", itemId: "i1", score: 90, comment: "一季度材料齐全" },
      { branchId: "b1", itemId: "i1", score: 85, comment: "二季度缺少会议照片" },
      { branchId: "b1", itemId: "i1", score: 86, comment: null },
      { branchId: "b2", itemId: "i1", score: 70, comment: "整改中" },
    ]);
    expect(scores.get("b1|i1")).toEqual({ score: 87, comment: null });
    expect(scores.get("b2|i1")).toEqual({ score: 70, comment: "整改中" });
  });
});

describe("dues rules", () => {
  it("lists months across a year end", () => {
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsBetween("2026-03", "2026-02")).toEqual([]);
  });

  it("owes complete months without a payment, counting the unpaid run back from last month", () => {
    const paid = new Set(["2026-01", "2026-03"]);
    expect(arrears("2026-01", "2026-05", paid)).toEqual(["2026-02", "2026-04", "2026-05"]);
    expect(unpaidStreak("2026-01", "2026-05", paid)).toBe(2);
    expect(unpaidStreak("2026-01", "2026-03", paid)).toBe(0);
    expect(unpaidStreak("2026-01", "2026-06", new Set())).toBe(6);
    expect(arrears("2026-06", "2026-05", new Set())).toEqual([]);
  });

  it("reads yuan as secretaries write them", () => {
    expect(yuanToFen("20")).toBe(2000);
    expect(yuanToFen("20.5")).toBe(2050);
    expect(yuanToFen("0.35元")).toBe(35);
    expect(yuanToFen("二十")).toBeNull();
  });
});

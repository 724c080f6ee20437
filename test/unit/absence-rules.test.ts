import { describe, expect, it } from "vitest";
import { consecutiveMissed, monthRecord, warningLevel } from "../../src/warnings/absence-rules.js";

const defaults = { yellowMonths: 2, orangeMonths: 4, redMonths: 5 };

describe("a member's month of organisational life", () => {
  it("is attended when they came to any meeting, late included", () => {
    expect(
      monthRecord([
        { outcome: "absent", reason: "unexcused" },
        { outcome: "late", reason: null },
      ]),
    ).toBe("attended");
  });

  it("is missed when they stayed away without good reason", () => {
    expect(monthRecord([{ outcome: "absent", reason: "unexcused" }])).toBe("missed");
    expect(
      monthRecord([
        { outcome: "absent", reason: null },
        { outcome: "leave", reason: "leave" },
      ]),
    ).toBe("missed");
  });

  it("is excused when every absence had a reason: leave, official duty, sickness", () => {
    expect(
      monthRecord([
        { outcome: "leave", reason: "leave" },
        { outcome: "absent", reason: "sick" },
      ]),
    ).toBe("excused");
    expect(monthRecord([{ outcome: "absent", reason: "official" }])).toBe("excused");
  });

  it("is none when nothing was expected of them", () => {
    expect(monthRecord([])).toBe("none");
  });
});

describe("the 黄橙红 ladder", () => {
  it("counts consecutive missed months back from the latest, skipping months with no meetings", () => {
    expect(consecutiveMissed(["missed", "none", "missed", "attended", "missed"])).toBe(2);
    expect(consecutiveMissed(["none", "none"])).toBe(0);
    expect(consecutiveMissed(["missed", "missed", "missed", "missed", "missed", "missed"])).toBe(6);
  });

  it("ends the run at an attended or excused month", () => {
    expect(consecutiveMissed(["missed", "excused", "missed", "missed"])).toBe(1);
    expect(consecutiveMissed(["attended", "missed", "missed"])).toBe(0);
  });

  it("turns yellow at 2 months, orange at 4 and red at 5 by default", () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => warningLevel(n, defaults))).toEqual([
      null,
      null,
      "yellow",
      "yellow",
      "orange",
      "red",
      "red",
    ]);
  });

  it("follows configured thresholds", () => {
    expect(warningLevel(3, { yellowMonths: 1, orangeMonths: 2, redMonths: 3 })).toBe("red");
  });
});

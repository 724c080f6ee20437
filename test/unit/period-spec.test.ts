import { describe, expect, it } from "vitest";
import { parsePeriodSpec, resolvePeriod, subPeriods } from "../../src/meetings/period-spec.js";
import { periodOf } from "../../src/meetings/periods.js";

const ZONE = "Asia/Shanghai";
// 2027-04-01 00:30 in Beijing is still 2027-03-31 in UTC: "this quarter" is the second.
const NOW = new Date("2027-03-31T16:30:00Z");
const label = (p: { kind: string; year: number; index: number }) => `${p.kind} ${p.year}/${p.index}`;

describe("period specs", () => {
  it.each([
    [[], "quarter 2027/2"],
    [["月"], "month 2027/4"],
    [["季"], "quarter 2027/2"],
    [["季", "上期"], "quarter 2027/1"],
    [["上季度"], "quarter 2027/1"],
    [["上月"], "month 2027/3"],
    [["上期"], "quarter 2027/1"],
    [["年"], "year 2027/0"],
    [["去年"], "year 2026/0"],
    [["半年", "上期"], "half_year 2026/2"],
    [["上半年"], "half_year 2026/2"],
    [["2027-03"], "month 2027/3"],
    [["2027年3月"], "month 2027/3"],
    [["2026-Q4"], "quarter 2026/4"],
    [["2026年第四季度"], "quarter 2026/4"],
    [["2027年第1季度"], "quarter 2027/1"],
    [["2026-H1"], "half_year 2026/1"],
    [["2026年下半年"], "half_year 2026/2"],
    [["2026"], "year 2026/0"],
    [["季", "2027-Q1"], "quarter 2027/1"],
    [["month", "last"], "month 2027/3"],
  ])("%j → %s", (words, expected) => {
    const spec = parsePeriodSpec(words, "quarter");
    expect(spec).not.toBeNull();
    if (spec) expect(label(resolvePeriod(spec, NOW, ZONE))).toBe(expected);
  });

  it.each([[["周"]], [["季", "2027-03"]], [["2027-13"]], [["季", "上期", "多余"]], [["2027-Q1", "上期"]]])(
    "%j names no period",
    (words) => {
      expect(parsePeriodSpec(words, "quarter")).toBeNull();
    },
  );

  it("splits a quarter into its three months, in the organisation's zone", () => {
    const quarter = periodOf(new Date("2027-02-10T00:00:00Z"), "quarter", ZONE);
    expect(subPeriods(quarter, "month", ZONE).map((p) => p.index)).toEqual([1, 2, 3]);
    expect(subPeriods(quarter, "month", ZONE)[0]?.start.toISOString()).toBe("2026-12-31T16:00:00.000Z");
  });
});

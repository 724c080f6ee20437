// Recurring rules as secretaries say them, and where their meetings fall in the organisation's
// zone: every row read into its RRULE and time text, then its next occurrences from a fixed day,
// in Asia/Shanghai and again in America/New_York (the same local wall-clock times).
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { occurrencesOf, validRule } from "../../src/meetings/recurrence/occurrences.js";
import { readRecurrence } from "../../src/meetings/recurrence/recurrence-phrase.js";

const RULES: [string, string, string][] = [
  ["每月15日上午9点", "FREQ=MONTHLY;BYMONTHDAY=15", "上午9点"],
  ["每月15号 09:00", "FREQ=MONTHLY;BYMONTHDAY=15", "09:00"],
  ["每个月十五日上午九点", "FREQ=MONTHLY;BYMONTHDAY=15", "上午9点"],
  ["每月第一个周五", "FREQ=MONTHLY;BYDAY=+1FR", ""],
  ["每月第一个周五晚上7点半", "FREQ=MONTHLY;BYDAY=+1FR", "晚上7点半"],
  ["每月第三个星期三下午3点", "FREQ=MONTHLY;BYDAY=+3WE", "下午3点"],
  ["每月最后一个周五 19:30", "FREQ=MONTHLY;BYDAY=-1FR", "19:30"],
  ["每月的最后一天下午4点", "FREQ=MONTHLY;BYMONTHDAY=-1", "下午4点"],
  ["每季度最后一个月20日", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20", ""],
  ["每季度最后一个月20日上午9点", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20", "上午9点"],
  ["每季度第一个月10号下午2点", "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=10", "下午2点"],
  ["每季度最后一个月的第一个周一", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYDAY=+1MO", ""],
  ["每周三晚上7点半", "FREQ=WEEKLY;BYDAY=WE", "晚上7点半"],
  ["每周五 14:30", "FREQ=WEEKLY;BYDAY=FR", "14:30"],
  ["每星期一上午8点", "FREQ=WEEKLY;BYDAY=MO", "上午8点"],
  ["每两周周四下午3点", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", "下午3点"],
  ["每周日上午9点", "FREQ=WEEKLY;BYDAY=SU", "上午9点"],
];

const NOT_RULES = [
  "下周三晚上7点半",
  "每",
  "每月",
  "每月32日",
  "每月第五个周五",
  "每天",
  "每年",
  "党员活动室",
  "15日",
];

describe("recurring rules as secretaries say them", () => {
  it.each(RULES)("reads %s", (phrase, rule, timeText) => {
    expect(readRecurrence(phrase)).toEqual({ rule, timeText });
    expect(validRule(rule)).toBe(true);
  });
  it.each(NOT_RULES)("does not take %s for a rule", (phrase) => {
    expect(readRecurrence(phrase)).toBeNull();
  });
});

/** [rule, local time, first day, the next local occurrences from 2026-12-02 (a Wednesday)] */
const OCCURRENCES: [string, string, string, string[]][] = [
  [
    "FREQ=MONTHLY;BYMONTHDAY=15",
    "09:00",
    "2026-12-02",
    ["2026-12-15 09:00", "2027-01-15 09:00", "2027-02-15 09:00"],
  ],
  [
    "FREQ=MONTHLY;BYDAY=+1FR",
    "19:30",
    "2026-12-02",
    ["2026-12-04 19:30", "2027-01-01 19:30", "2027-02-05 19:30"],
  ],
  [
    "FREQ=MONTHLY;BYDAY=-1FR",
    "19:30",
    "2026-12-02",
    ["2026-12-25 19:30", "2027-01-29 19:30", "2027-02-26 19:30"],
  ],
  [
    "FREQ=MONTHLY;BYMONTHDAY=-1",
    "16:00",
    "2026-12-02",
    ["2026-12-31 16:00", "2027-01-31 16:00", "2027-02-28 16:00"],
  ],
  [
    "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20",
    "09:00",
    "2026-12-02",
    ["2026-12-20 09:00", "2027-03-20 09:00", "2027-06-20 09:00"],
  ],
  [
    "FREQ=WEEKLY;BYDAY=WE",
    "19:30",
    "2026-12-02",
    ["2026-12-02 19:30", "2026-12-09 19:30", "2026-12-16 19:30"],
  ],
  [
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
    "15:00",
    "2026-12-02",
    ["2026-12-03 15:00", "2026-12-17 15:00", "2026-12-31 15:00"],
  ],
  // Across New Year and a month without a 31st: the 31st is skipped, as RFC 5545 says.
  [
    "FREQ=MONTHLY;BYMONTHDAY=31",
    "09:00",
    "2026-12-02",
    ["2026-12-31 09:00", "2027-01-31 09:00", "2027-03-31 09:00"],
  ],
];

describe.each(["Asia/Shanghai", "America/New_York"])("occurrences in %s", (zone) => {
  const now = DateTime.fromISO("2026-12-02T10:00", { zone }).toJSDate();
  const until = DateTime.fromISO("2027-12-31T00:00", { zone }).toJSDate();
  it.each(OCCURRENCES)("%s at %s", (rule, time, firstDay, expected) => {
    const [hour = 0, minute = 0] = time.split(":").map(Number);
    const found = occurrencesOf(rule, { hour, minute }, zone, firstDay, now, until, 3);
    expect(found.map((d) => DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd HH:mm"))).toEqual(expected);
  });

  it("keeps the wall-clock time across a daylight-saving change", () => {
    const found = occurrencesOf(
      "FREQ=MONTHLY;BYMONTHDAY=15",
      { hour: 9, minute: 0 },
      zone,
      "2027-02-01",
      now,
      until,
      3,
    );
    expect(found.map((d) => DateTime.fromJSDate(d, { zone }).toFormat("MM-dd HH:mm"))).toEqual([
      "02-15 09:00",
      "03-15 09:00",
      "04-15 09:00",
    ]);
  });
});

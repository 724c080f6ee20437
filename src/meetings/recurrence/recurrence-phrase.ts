// Recurring meetings as secretaries say them — 每月15日上午9点, 每月第一个周五, 每季度最后一个月20日,
// 每周三晚上7点半 — read into an iCalendar RRULE (RFC 5545) and the time of day, which is read by
// the same grammar as a one-off meeting's time. The words are data; each pattern is one row.

import { normalise } from "../time-phrase/normalise.js";
import { alternation, WEEKDAYS } from "../time-phrase/phrase-rules.js";

/** RRULE weekday codes by ISO weekday (Monday 1). */
const BYDAY = ["", "MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

/** 第一个 … 第四个, 最后一个, 倒数第二个. */
const ORDINALS: Record<string, number> = {
  第一个: 1,
  第1个: 1,
  第二个: 2,
  第2个: 2,
  第三个: 3,
  第3个: 3,
  第四个: 4,
  第4个: 4,
  最后一个: -1,
  最后1个: -1,
  倒数第二个: -2,
  倒数第2个: -2,
};

/** Which months of each quarter: 每季度第一个月 → January, April, July, October. */
const QUARTER_MONTHS: Record<string, string> = {
  第一个月: "1,4,7,10",
  第1个月: "1,4,7,10",
  第二个月: "2,5,8,11",
  第2个月: "2,5,8,11",
  第三个月: "3,6,9,12",
  第3个月: "3,6,9,12",
  最后一个月: "3,6,9,12",
  最后1个月: "3,6,9,12",
  末月: "3,6,9,12",
};

const WEEKDAY = `(?:周|星期|礼拜)(?<weekday>[${Object.keys(WEEKDAYS).join("")}])`;
const DAY = String.raw`(?<day>\d{1,2})[日号]`;

/** Each way of saying a rule, and the RRULE it makes from what it matched. */
const PATTERNS: { pattern: RegExp; rule: (g: Record<string, string | undefined>) => string | null }[] = [
  {
    pattern: /^每个?月(?:的)?最后一天/,
    rule: () => "FREQ=MONTHLY;BYMONTHDAY=-1",
  },
  {
    pattern: new RegExp(`^每个?月(?:的)?${DAY}`),
    rule: (g) => monthDay(g.day, "FREQ=MONTHLY"),
  },
  {
    pattern: new RegExp(`^每个?月(?:的)?(?<ordinal>${alternation(Object.keys(ORDINALS))})${WEEKDAY}`),
    rule: (g) => nthWeekday(g.ordinal, g.weekday, "FREQ=MONTHLY"),
  },
  {
    pattern: new RegExp(
      `^每个?季度?(?:的)?(?<months>${alternation(Object.keys(QUARTER_MONTHS))})(?:的)?${DAY}`,
    ),
    rule: (g) => monthDay(g.day, `FREQ=YEARLY;BYMONTH=${QUARTER_MONTHS[g.months ?? ""]}`),
  },
  {
    pattern: new RegExp(
      `^每个?季度?(?:的)?(?<months>${alternation(Object.keys(QUARTER_MONTHS))})(?:的)?(?<ordinal>${alternation(Object.keys(ORDINALS))})${WEEKDAY}`,
    ),
    rule: (g) => nthWeekday(g.ordinal, g.weekday, `FREQ=YEARLY;BYMONTH=${QUARTER_MONTHS[g.months ?? ""]}`),
  },
  {
    pattern: new RegExp(`^每(?<two>两|2|隔一)?周${WEEKDAY.replace("(?:周|星期|礼拜)", "(?:周|星期|礼拜)?")}`),
    rule: (g) => {
      const day = BYDAY[WEEKDAYS[g.weekday ?? ""] ?? 0];
      return day ? `FREQ=WEEKLY${g.two ? ";INTERVAL=2" : ""};BYDAY=${day}` : null;
    },
  },
  {
    pattern: new RegExp(`^每(?:个)?(?:星期|礼拜)(?<weekday>[${Object.keys(WEEKDAYS).join("")}])`),
    rule: (g) => {
      const day = BYDAY[WEEKDAYS[g.weekday ?? ""] ?? 0];
      return day ? `FREQ=WEEKLY;BYDAY=${day}` : null;
    },
  },
];

function monthDay(dayText: string | undefined, prefix: string): string | null {
  const day = Number(dayText);
  return day >= 1 && day <= 31 ? `${prefix};BYMONTHDAY=${day}` : null;
}

function nthWeekday(ordinal: string | undefined, weekday: string | undefined, prefix: string): string | null {
  const n = ORDINALS[ordinal ?? ""];
  const day = BYDAY[WEEKDAYS[weekday ?? ""] ?? 0];
  if (!n || !day) return null;
  return `${prefix};BYDAY=${n > 0 ? "+" : ""}${n}${day}`;
}

export interface RecurrencePhrase {
  /** The RRULE's parts without DTSTART: FREQ=MONTHLY;BYMONTHDAY=15. */
  rule: string;
  /** What followed the rule: the time of day (上午9点), read by the one-off grammar. */
  timeText: string;
}

export interface RecurrenceReading extends RecurrencePhrase {
  /** The words of the rule itself (每月15日), to show it back and to keep it while asking again. */
  words: string;
}

/** The rule a phrase starts with, or null when it does not say 每…. */
export function readRecurrence(input: string): RecurrencePhrase | null {
  const found = readRecurrenceWords(input);
  return found ? { rule: found.rule, timeText: found.timeText } : null;
}

/** As readRecurrence, with the rule's own words. */
export function readRecurrenceWords(input: string): RecurrenceReading | null {
  const text = normalise(input);
  if (!text.startsWith("每")) return null;
  for (const { pattern, rule } of PATTERNS) {
    const found = pattern.exec(text);
    if (!found) continue;
    const made = rule(found.groups ?? {});
    if (!made) return null;
    return { rule: made, words: found[0], timeText: text.slice(found[0].length).replace(/^的/, "").trim() };
  }
  return null;
}

/** Whether a piece of a sentence is a rule (每月15日…), to tell it from the place and topic. */
export const looksRecurring = (piece: string): boolean => readRecurrence(piece) !== null;

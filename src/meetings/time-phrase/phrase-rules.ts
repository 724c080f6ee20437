// The words secretaries use for days and times, as data: relative days, weekdays, parts of the day
// and how each part reads an hour. The grammar (understand-when.ts) is built from these tables, so a
// new word is a new row here.

/**
 * Days from today. The past ones are read so that they can be answered as past (…已经过去了),
 * never taken for a place or a topic.
 */
export const RELATIVE_DAYS: Record<string, number> = {
  大后天: 3,
  后天: 2,
  明天: 1,
  明日: 1,
  今天: 0,
  今日: 0,
  昨天: -1,
  昨日: -1,
  前天: -2,
  大前天: -3,
};

/** One word for a day and a part of it (今晚 = 今天晚上). */
export const DAY_AND_PART: Record<string, { days: number; part: string }> = {
  今晚: { days: 0, part: "晚上" },
  明晚: { days: 1, part: "晚上" },
  今早: { days: 0, part: "早上" },
  明早: { days: 1, part: "早上" },
  昨晚: { days: -1, part: "晚上" },
};

/** Weekday words, Monday 1 … Sunday 7 (ISO, as a Chinese week starts on Monday). */
export const WEEKDAYS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 7,
  天: 7,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
  "5": 5,
  "6": 6,
  "7": 7,
};

/** Weeks from this one a weekday's prefix means; no prefix: the next such day from today. */
export const WEEK_PREFIXES: Record<string, number> = { 下下: 2, 下: 1, 这: 0, 本: 0, 上: -1, 上上: -2 };

/** Months from this one: 本月15号, 下个月3号. */
export const MONTH_PREFIXES: Record<string, number> = {
  本月: 0,
  这个月: 0,
  下个月: 1,
  下月: 1,
  上个月: -1,
  上月: -1,
};

/**
 * How a part of the day reads the hour on a 12-hour clock. "pm": 1–11 become 13–23. "noon": 11
 * and 12 stay, 1–5 become afternoon hours. "night": as "pm", and 12 is the midnight that ends the
 * day (asked about: secretaries mean both). "early": 12 is 0.
 */
export type HourReading = "am" | "pm" | "noon" | "night" | "early";

export const PARTS_OF_DAY: Record<string, HourReading> = {
  凌晨: "early",
  清晨: "am",
  早晨: "am",
  早上: "am",
  上午: "am",
  中午: "noon",
  午后: "pm",
  下午: "pm",
  傍晚: "pm",
  晚上: "night",
  夜里: "night",
  夜间: "night",
  晚: "night",
};

/** Words joining the two ends of a time range: 下午3点到5点, 15:00-17:00. */
export const RANGE_WORDS = ["到", "至", "~", "～", "-", "—", "－"];

/** Hours written without a part of the day that are asked about (3点: afternoon, surely?). */
export const AMBIGUOUS_BARE_HOURS = new Set([1, 2, 3, 4, 5, 6]);

/** A date said without a year, already past by less than this, is taken for a slip, not next year. */
export const RECENTLY_PAST_DAYS = 60;

/** Words longest first, escaped, as one regular-expression alternation. */
export function alternation(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
}

// Understands when a meeting is, as a secretary writes it — 下周三晚上7点半, 周五 14:30,
// 本月15号上午9点, 大后天下午两点半, 十二月十五日, 下午3点到5点 — against the injected clock, in
// the organisation's time zone. What is clear becomes an instant (and an end, for a range); what is
// in the past, ambiguous (3点: afternoon?) or incomplete (a day without a time) comes back as a
// question with what was understood, never a silent guess. The grammar is the project's own,
// built from the tables in phrase-rules.ts; English phrases ("tomorrow 3pm", "Dec 15 7:30pm")
// go to chrono-node, which reads English well, and count only when it read the whole phrase.
import * as chrono from "chrono-node";
import { DateTime } from "luxon";
import { cachedZone } from "../../core/cached-zone.js";
import { normalise } from "./normalise.js";
import {
  AMBIGUOUS_BARE_HOURS,
  alternation,
  DAY_AND_PART,
  type HourReading,
  MONTH_PREFIXES,
  PARTS_OF_DAY,
  RANGE_WORDS,
  RECENTLY_PAST_DAYS,
  RELATIVE_DAYS,
  WEEK_PREFIXES,
  WEEKDAYS,
} from "./phrase-rules.js";

export type WhenQuestion =
  /** It is before now. */
  | "past"
  /** An hour 1–6 without a part of the day: afternoon, surely? (`start` holds that reading.) */
  | "ambiguousHour"
  /** 晚上12点: the midnight ending that day (`start`), is that meant? */
  | "midnight"
  /** A day (and maybe a part of it) without a time. */
  | "needTime"
  /** A time without a day is fine (today); a range whose end is not after its start is not. */
  | "endBeforeStart"
  /** Nothing recognisable as a day or a time. */
  | "unknown";

export type WhenAnswer =
  | { kind: "instant"; start: Date; end: Date | null }
  | { kind: "question"; reason: WhenQuestion; start: Date | null; end: Date | null };

const PART = alternation(Object.keys(PARTS_OF_DAY));
const DATE = [
  String.raw`(?<ymdY>\d{4})[年/-](?<ymdM>\d{1,2})[月/-](?<ymdD>\d{1,2})[日号]?`,
  `(?<monthWord>${alternation(Object.keys(MONTH_PREFIXES))})(?<monthDay>\\d{1,2})[日号]`,
  String.raw`(?<mdM>\d{1,2})(?:月|/|-(?=\d{1,2}(?![\d:])))(?<mdD>\d{1,2})[日号]?`,
  `(?<dayPart>${alternation(Object.keys(DAY_AND_PART))})`,
  `(?<rel>${alternation(Object.keys(RELATIVE_DAYS))})`,
  `(?<weekWord>${alternation(Object.keys(WEEK_PREFIXES))})?个?(?:周|星期|礼拜)(?<weekday>[${Object.keys(WEEKDAYS).join("")}])`,
  String.raw`(?<dOnly>\d{1,2})[日号]`,
].join("|");
const clock = (p: string) =>
  String.raw`(?<${p}H>\d{1,2})(?::(?<${p}M>\d{2})|[点时](?:(?<${p}Half>半)|(?<${p}Min>\d{1,2})分?|整)?)`;
const GRAMMAR = new RegExp(
  `(?:${DATE})?\\s?(?<part>${PART})?\\s?(?:${clock("s")})?` +
    `(?:\\s?(?:${alternation(RANGE_WORDS)})\\s?(?<endPart>${PART})?(?:${clock("e")}))?`,
  "u",
);

interface Parsed {
  groups: Record<string, string | undefined>;
  index: number;
  length: number;
}

/** The whole phrase, understood. */
export function understandWhen(input: string, now: Date, zone: string): WhenAnswer {
  const text = normalise(input);
  const parsed = match(text, true);
  if (parsed) return resolve(parsed.groups, now, zone);
  return english(text, now, zone) ?? question("unknown", null, null);
}

/**
 * The first day-and-time phrase inside a sentence (/schedule 下周三晚上7点半 支委会 …), with where
 * it stands in the normalised text, so the rest can be read for the other pieces.
 */
export function findWhen(
  input: string,
  now: Date,
  zone: string,
): { answer: WhenAnswer; text: string; rest: string } | null {
  const text = normalise(input);
  for (let from = 0; from < text.length; from++) {
    const parsed = match(text.slice(from), false);
    if (!parsed || parsed.length === 0) continue;
    const phrase = text.slice(from, from + parsed.length);
    // A bare number is not a time: 3 in "重复=3" or a room number.
    if (!/[点时:日号月周期拜天晚早]/.test(phrase)) continue;
    const rest = `${text.slice(0, from)} ${text.slice(from + parsed.length)}`.replace(/\s+/g, " ").trim();
    return { answer: resolve(parsed.groups, now, zone), text: phrase.trim(), rest };
  }
  return null;
}

/**
 * Whether a piece of a sentence is written as a day or time (valid or not: 3月32日 is one, to be
 * refused as a date), and which parts it holds.
 */
export function describeWhen(input: string): { hasDate: boolean; hasPart: boolean; hasTime: boolean } | null {
  const text = normalise(input);
  const parsed = match(text, true);
  if (!parsed) return readsAsEnglish(text) ? { hasDate: true, hasPart: false, hasTime: true } : null;
  const g = parsed.groups;
  return {
    hasDate: Boolean(g.ymdY || g.monthWord || g.mdM || g.dayPart || g.rel || g.weekday || g.dOnly),
    hasPart: Boolean(g.part),
    hasTime: g.sH !== undefined,
  };
}

function match(text: string, whole: boolean): Parsed | null {
  const found = GRAMMAR.exec(text);
  if (found?.index !== 0 || found[0].trim().length === 0) return null;
  if (whole && found[0].length !== text.length) return null;
  return { groups: found.groups ?? {}, index: found.index, length: found[0].length };
}

function resolve(g: Record<string, string | undefined>, now: Date, zone: string): WhenAnswer {
  const today = DateTime.fromJSDate(now, { zone: cachedZone(zone) }).startOf("day");
  const day = dayOf(g, today);
  if (day === "invalid") return question("unknown", null, null);
  const part = g.part ?? (g.dayPart ? DAY_AND_PART[g.dayPart]?.part : undefined);
  const reading = part ? PARTS_OF_DAY[part] : undefined;
  if (g.sH === undefined) {
    if (!day) return question("unknown", null, null);
    const start = day.date.toJSDate();
    return question(day.past ? "past" : "needTime", start, null);
  }
  const base = day?.date ?? today;
  const start = at(base, g.sH, minutesOf(g.sM, g.sHalf, g.sMin), reading, g.sM !== undefined);
  if (!start) return question("unknown", null, null);
  let end: Date | null = null;
  if (g.eH !== undefined) {
    const endReading = g.endPart
      ? PARTS_OF_DAY[g.endPart]
      : (reading ?? (start.ambiguous ? "pm" : undefined));
    const finish = at(base, g.eH, minutesOf(g.eM, g.eHalf, g.eMin), endReading, g.eM !== undefined);
    if (!finish) return question("unknown", null, null);
    end = finish.instant.toJSDate();
    if (finish.instant <= start.instant) return question("endBeforeStart", start.instant.toJSDate(), end);
  }
  const instant = start.instant.toJSDate();
  if (day?.past || instant < now) return question("past", instant, end);
  if (start.midnight) return question("midnight", instant, end);
  if (start.ambiguous) return question("ambiguousHour", instant, end);
  return { kind: "instant", start: instant, end };
}

function dayOf(
  g: Record<string, string | undefined>,
  today: DateTime,
): { date: DateTime; past: boolean } | null | "invalid" {
  const dated = (date: DateTime, past = date < today) => (date.isValid ? { date, past } : "invalid");
  if (g.ymdY) return dated(today.set({ year: +g.ymdY, month: +(g.ymdM ?? 0), day: +(g.ymdD ?? 0) }));
  if (g.monthWord) {
    const month = today.startOf("month").plus({ months: MONTH_PREFIXES[g.monthWord] ?? 0 });
    const day = +(g.monthDay ?? 0);
    if (day < 1 || day > (month.daysInMonth ?? 0)) return "invalid";
    return dated(month.set({ day }));
  }
  if (g.mdM) {
    const month = +g.mdM;
    const day = +(g.mdD ?? 0);
    if (month < 1 || month > 12) return "invalid";
    const candidate = DateTime.fromObject({ year: today.year, month, day }, { zone: today.zone });
    if (!candidate.isValid) return "invalid";
    // Past by a little: a slip to ask about. Past by months: next year's (in December, 1月5日).
    if (candidate < today && today.diff(candidate, "days").days > RECENTLY_PAST_DAYS)
      return dated(candidate.plus({ years: 1 }), false);
    return dated(candidate);
  }
  if (g.dayPart) return dated(today.plus({ days: DAY_AND_PART[g.dayPart]?.days ?? 0 }));
  if (g.rel) return dated(today.plus({ days: RELATIVE_DAYS[g.rel] ?? 0 }));
  if (g.weekday) {
    const weekday = WEEKDAYS[g.weekday] ?? 1;
    const monday = today.minus({ days: today.weekday - 1 });
    if (g.weekWord === undefined) {
      // 周五 alone: the next Friday from today (today, when it is Friday).
      const ahead = (weekday - today.weekday + 7) % 7;
      return dated(today.plus({ days: ahead }), false);
    }
    return dated(monday.plus({ days: (WEEK_PREFIXES[g.weekWord] ?? 0) * 7 + weekday - 1 }));
  }
  if (g.dOnly) {
    const day = +g.dOnly;
    if (day < 1 || day > (today.daysInMonth ?? 0)) return "invalid";
    return dated(today.set({ day }));
  }
  return null;
}

function minutesOf(colon?: string, half?: string, minutes?: string): number {
  if (colon !== undefined) return +colon;
  if (half) return 30;
  return minutes === undefined ? 0 : +minutes;
}

/** The hour on the day as the part of the day reads it. */
function at(
  day: DateTime,
  hourText: string,
  minute: number,
  reading: HourReading | undefined,
  /** Written 01:55: the 24-hour clock, which needs no part of the day. */
  colon = false,
): { instant: DateTime; ambiguous: boolean; midnight: boolean } | null {
  let hour = +hourText;
  if (minute > 59 || hour > 24) return null;
  let ambiguous = false;
  let midnight = false;
  if (hour > 12 && reading && reading !== "pm" && reading !== "night" && reading !== "noon") return null;
  switch (reading) {
    case "pm":
      if (hour < 12) hour += 12;
      break;
    case "night":
      if (hour === 12) {
        hour = 24;
        midnight = true;
      } else if (hour < 12) hour += 12;
      break;
    case "noon":
      if (hour >= 1 && hour <= 5) hour += 12;
      break;
    case "early":
      if (hour === 12) hour = 0;
      break;
    case "am":
      break;
    default:
      if (hour === 24) midnight = true;
      else if (!colon && AMBIGUOUS_BARE_HOURS.has(hour)) {
        // Meetings are rarely at three in the night: read as the afternoon, and ask.
        hour += 12;
        ambiguous = true;
      }
  }
  if (hour > 24 || (hour === 24 && minute > 0)) return null;
  const instant = day
    .set({ hour: 0, minute: 0, second: 0, millisecond: 0 })
    .plus({ hours: hour, minutes: minute });
  return { instant, ambiguous, midnight };
}

/** Whether chrono-node reads the whole text as an English day or time (no clock needed to tell). */
function readsAsEnglish(text: string): boolean {
  if (!/[a-z]/i.test(text)) return false;
  const [result] = chrono.en.parse(text);
  return result?.index === 0 && result.text.length === text.length;
}

/** English phrases through chrono-node, in the zone's offset at that moment, read whole or not at all. */
function english(text: string, now: Date, zone: string): WhenAnswer | null {
  if (!/[a-z]/i.test(text)) return null;
  const offset = DateTime.fromJSDate(now, { zone }).offset;
  const [result] = chrono.en.parse(text, { instant: now, timezone: offset }, { forwardDate: true });
  if (result?.index !== 0 || result.text.length !== text.length) return null;
  const start = result.start.date();
  const end = result.end?.date() ?? null;
  // A day without a time stands for the day, as a Chinese one does.
  if (!result.start.isCertain("hour"))
    return question("needTime", DateTime.fromJSDate(start, { zone }).startOf("day").toJSDate(), null);
  if (start < now) return question("past", start, end);
  return { kind: "instant", start, end };
}

function question(reason: WhenQuestion, start: Date | null, end: Date | null): WhenAnswer {
  return { kind: "question", reason, start, end };
}

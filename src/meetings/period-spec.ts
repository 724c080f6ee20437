// The periods people name in commands: a kind (月, 季度, 半年, 年) and which one — this one (the
// default), the last one (上期, 上月, 上季度, 去年), or a date of it (2027-03, 2027年3月, 2027-Q1,
// 2027年第1季度, 2027-H1, 2027年上半年, 2027). A date names its kind itself. Resolved in the
// organisation's time zone into the one period model every report uses.
import { DateTime } from "luxon";
import { z } from "zod";
import { type Period, type PeriodKind, periodOf } from "./periods.js";

export type PeriodSpec =
  | { kind: PeriodKind; back: number }
  | { kind: PeriodKind; year: number; index: number };

const KIND_WORDS: Record<string, PeriodKind> = {
  月: "month",
  月度: "month",
  本月: "month",
  month: "month",
  季: "quarter",
  季度: "quarter",
  本季: "quarter",
  本季度: "quarter",
  quarter: "quarter",
  半年: "half_year",
  half: "half_year",
  年: "year",
  年度: "year",
  本年: "year",
  今年: "year",
  year: "year",
};

/** Words that name the last period, with the kind some of them imply. */
const LAST_WORDS: Record<string, PeriodKind | null> = {
  上期: null,
  上一期: null,
  last: null,
  previous: null,
  上月: "month",
  上个月: "month",
  上季: "quarter",
  上季度: "quarter",
  上半年: null,
  去年: "year",
  上年: "year",
};
const THIS_WORDS = new Set(["本期", "this", "当前"]);

const MONTHS_IN: Record<PeriodKind, number> = { month: 1, quarter: 3, half_year: 6, year: 12 };

/** A date that names a period: 2027-03, 2027年3月, 2027-Q1, 2027年第1季度, 2027-H1, 2027年上半年, 2027. */
function literal(word: string): PeriodSpec | null {
  const w = word.replaceAll("／", "/").trim();
  let m = w.match(/^(\d{4})[-/.](\d{1,2})$/) ?? w.match(/^(\d{4})年(\d{1,2})月$/);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { kind: "month", year: Number(m[1]), index: month } : null;
  }
  m = w.match(/^(\d{4})[-\s]?[Qq]([1-4])$/) ?? w.match(/^(\d{4})年第?([1-4一二三四])季度?$/);
  if (m) return { kind: "quarter", year: Number(m[1]), index: chineseDigit(m[2] ?? "") };
  m = w.match(/^(\d{4})[-\s]?[Hh]([12])$/);
  if (m) return { kind: "half_year", year: Number(m[1]), index: Number(m[2]) };
  m = w.match(/^(\d{4})年([上下])半年$/);
  if (m) return { kind: "half_year", year: Number(m[1]), index: m[2] === "上" ? 1 : 2 };
  m = w.match(/^(\d{4})年?$/);
  if (m) return { kind: "year", year: Number(m[1]), index: 0 };
  return null;
}

function chineseDigit(d: string): number {
  return "一二三四".includes(d) ? "一二三四".indexOf(d) + 1 : Number(d);
}

/**
 * Up to two words: [kind] [which], or a date alone. Null when the words name no period (the
 * command answers with its usage).
 */
export function parsePeriodSpec(words: readonly string[], defaultKind: PeriodKind): PeriodSpec | null {
  if (words.length > 2) return null;
  const [first, second] = words.map((w) => w.trim().toLowerCase());
  if (first === undefined) return { kind: defaultKind, back: 0 };
  const date = literal(first);
  if (date) return second === undefined ? date : null;
  const kind = KIND_WORDS[first];
  const lastKind = LAST_WORDS[first];
  if (lastKind !== undefined && second === undefined)
    return { kind: lastKind ?? (first === "上半年" ? "half_year" : defaultKind), back: 1 };
  if (!kind) return null;
  if (second === undefined || THIS_WORDS.has(second)) return { kind, back: 0 };
  if (second in LAST_WORDS) return { kind, back: 1 };
  const named = literal(second);
  return named && named.kind === kind ? named : null;
}

export function resolvePeriod(spec: PeriodSpec, now: Date, zone: string): Period {
  if ("back" in spec) {
    const current = periodOf(now, spec.kind, zone);
    const earlier = DateTime.fromJSDate(current.start, { zone }).minus({
      months: MONTHS_IN[spec.kind] * spec.back,
    });
    return periodOf(earlier.toJSDate(), spec.kind, zone);
  }
  const month = spec.kind === "year" ? 1 : (spec.index - 1) * MONTHS_IN[spec.kind] + 1;
  const start = DateTime.fromObject({ year: spec.year, month, day: 1 }, { zone });
  return periodOf(start.toJSDate(), spec.kind, zone);
}

/** The zod argument for commands: the trailing words as a period spec. */
export function periodSpecArgs(defaultKind: PeriodKind, kinds?: readonly PeriodKind[]) {
  return z.array(z.string()).transform((words, ctx) => {
    const spec = parsePeriodSpec(words, defaultKind);
    if (!spec || (kinds && !kinds.includes(spec.kind))) {
      ctx.addIssue({ code: "custom", message: "period" });
      return z.NEVER;
    }
    return spec;
  });
}

/** The months (or quarters…) of `kind` that make up a period, in order. */
export function subPeriods(period: Period, kind: PeriodKind, zone: string): Period[] {
  const parts: Period[] = [];
  let at = period.start;
  while (at < period.end) {
    const part = periodOf(at, kind, zone);
    parts.push(part);
    at = part.end;
  }
  return parts;
}

// Arguments of the evaluation commands.
import { z } from "zod";
import { periodArg } from "../meetings/period-arg.js";
import { MEASURES } from "./evaluation-rules.js";

export const periodKindArg = periodArg(["month", "quarter", "half_year", "year"]);

/** 上期 / last: the period before this one. */
export const lastArg = z
  .string()
  .refine((w) => ["上期", "上季", "上半年", "last"].includes(w.toLowerCase()))
  .transform(() => "last" as const);

const MEASURE_WORDS: Record<string, (typeof MEASURES)[number]> = {
  meetings: "meetings",
  会议: "meetings",
  attendance: "attendance",
  出勤: "attendance",
  dues: "dues",
  党费: "dues",
  minutes: "minutes",
  记录: "minutes",
  volunteer: "volunteer",
  志愿: "volunteer",
  manual: "manual",
  评分: "manual",
};

export const measureArg = z
  .string()
  .transform((w) => MEASURE_WORDS[w.toLowerCase()])
  .pipe(z.enum(MEASURES));

/** An item's code (work, 实绩) — Chinese or Latin, no spaces. */
export const itemKeyArg = z.string().regex(/^[\p{Script=Han}a-z][\p{Script=Han}a-z0-9_]{1,19}$/u);

/** An item named in a command: its code or its name as the sheet shows it. */
export const itemRefArg = z.string().min(1).max(40);

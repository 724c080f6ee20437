// The words people type for a period (月, 季度, 半年, 本年, quarter …), parsed by zod into the
// period kinds a command accepts; anything else fails and earns the command's usage line.
import { z } from "zod";
import type { PeriodKind } from "./periods.js";

const PERIOD_WORDS: Record<string, PeriodKind> = {
  月: "month",
  本月: "month",
  month: "month",
  季: "quarter",
  季度: "quarter",
  本季度: "quarter",
  quarter: "quarter",
  半年: "half_year",
  half: "half_year",
  年: "year",
  本年: "year",
  year: "year",
};

export function periodArg<K extends PeriodKind>(kinds: readonly [K, ...K[]]) {
  return z
    .string()
    .transform((word) => PERIOD_WORDS[word.toLowerCase()])
    .pipe(z.enum(kinds));
}

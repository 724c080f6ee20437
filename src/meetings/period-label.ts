// A period as people write it: 2026年3月, 2026年第1季度, 2026年上半年, 2026年 (Q1 2026 … in English).
import type { Translate } from "../core/i18n.js";

export function periodLabel(period: { kind: string; year: number; index: number }, t: Translate): string {
  const key = period.kind === "half_year" ? `periods.half_year_${period.index}` : `periods.${period.kind}`;
  return t(key, { year: period.year, index: period.index });
}

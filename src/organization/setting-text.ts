// Settings as people read and type them: a Chinese (or English) name for every key and a
// readable value ("每季度 1 次", "支部党员大会 20 分、党课 5 分"), and the key a typed name stands for.
import type { Translate } from "../core/i18n.js";
import { SETTING_KEYS, type SettingKey } from "./settings.js";

export const settingName = (key: SettingKey, t: Translate): string => t(`settingNames.${key}`);

export function settingValueText(key: SettingKey, value: unknown, t: Translate): string {
  if (Array.isArray(value)) return value.join("、");
  if (typeof value === "object" && value !== null && "period" in value && "times" in value)
    return t("settingValues.frequency", {
      period: t(`settingValues.periodWords.${String(value.period)}`),
      times: value.times,
    });
  if (key === "points.caps" && typeof value === "object" && value !== null)
    return Object.entries(value as Record<string, number>)
      .map(([type, points]) => t("settingValues.cap", { type: t(`meetingTypes.${type}`), points }))
      .join("、");
  if (value === "none") return t("settingValues.none");
  return String(value);
}

/** The key a person typed: the key itself, or its name in either language (case and spaces aside). */
export function findSettingKey(word: string, translators: readonly Translate[]): SettingKey | null {
  const wanted = word.replace(/\s+/g, "").toLowerCase();
  for (const key of SETTING_KEYS) {
    if (key.toLowerCase() === wanted) return key;
    if (translators.some((t) => settingName(key, t).replace(/\s+/g, "").toLowerCase() === wanted)) return key;
  }
  return null;
}

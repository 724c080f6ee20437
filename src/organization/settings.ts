// Organisation settings: a flat set of named keys, each with a zod parser and a default. An
// organisation stores only what it overrides; the effective value is the nearest ancestor's
// (county-wide theme day, committee-tightened frequencies), else the default.
import { z } from "zod";

/** Period words as secretaries write them in a frequency: 每季度1次, 季度:1, quarter:1. */
const PERIOD_WORDS: Record<string, string> = {
  月: "month",
  季: "quarter",
  季度: "quarter",
  半年: "half_year",
  年: "year",
};

function frequencyText(raw: unknown): unknown {
  if (typeof raw !== "string") return raw;
  const text = raw.replace(/\s+/g, "");
  const chinese = text.match(/^每?(月|季度|季|半年|年)[:：]?(\d{1,2})次?$/);
  return chinese ? `${PERIOD_WORDS[chinese[1] ?? ""]}:${chinese[2]}` : text;
}

/** Meeting type names in points caps: 支部党员大会:20 as well as general_meeting:20. */
const TYPE_WORDS: Record<string, string> = {
  支部党员大会: "general_meeting",
  党员大会: "general_meeting",
  支部委员会: "committee_meeting",
  支委会: "committee_meeting",
  党小组会: "group_meeting",
  主题党日: "theme_day",
  党课: "party_lesson",
  组织生活会: "life_meeting",
};

function capsText(raw: unknown): unknown {
  if (typeof raw !== "string") return raw;
  return raw
    .split(/[,，、]/)
    .map((part) => {
      const [name = "", points = ""] = part.trim().split(/[:：]/);
      return `${TYPE_WORDS[name.trim()] ?? name.trim()}:${points.trim()}`;
    })
    .join(",");
}

const frequency = z
  .preprocess(frequencyText, z.string().regex(/^(month|quarter|half_year|year):\d{1,2}$/))
  .transform((value) => {
    const [period, times] = value.split(":");
    return { period: period as "month" | "quarter" | "half_year" | "year", times: Number(times) };
  });
export type Frequency = z.output<typeof frequency>;

const months = z.coerce.number().int().min(1).max(12);
const minutes = z.coerce
  .number()
  .int()
  .min(0)
  .max(24 * 60);

export const SETTINGS = {
  "themeDay.dayOfMonth": { parse: z.coerce.number().int().min(1).max(28), default: 15 },
  "themeDay.time": { parse: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/), default: "09:00" },
  "themeDay.items": {
    parse: z
      .string()
      .transform((v) =>
        v
          .split(/[,，、]/)
          .map((item) => item.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().max(40)).min(1).max(12)),
    default: ["重温入党誓词", "诵读党章", "交纳党费", "集中学习", "过政治生日"],
  },
  "frequency.general_meeting": { parse: frequency, default: { period: "quarter", times: 1 } },
  "frequency.committee_meeting": { parse: frequency, default: { period: "month", times: 1 } },
  "frequency.group_meeting": { parse: frequency, default: { period: "month", times: 1 } },
  "frequency.party_lesson": { parse: frequency, default: { period: "quarter", times: 1 } },
  "frequency.theme_day": { parse: frequency, default: { period: "month", times: 1 } },
  "frequency.life_meeting": { parse: frequency, default: { period: "year", times: 1 } },
  "warnings.yellowMonths": { parse: months, default: 2 },
  "warnings.orangeMonths": { parse: months, default: 4 },
  "warnings.redMonths": { parse: months, default: 5 },
  "checkIn.opensMinutesBefore": { parse: minutes, default: 30 },
  "points.perMeeting": { parse: z.coerce.number().int().min(0).max(100), default: 5 },
  "points.caps": {
    parse: z.preprocess(capsText, z.string().regex(/^([a-z_]+:\d{1,4})(,[a-z_]+:\d{1,4})*$/)).transform((v) =>
      Object.fromEntries(
        v
          .split(/[,，]/)
          .map((p) => p.trim().split(":"))
          .map(([k, n]) => [k, Number(n)]),
      ),
    ),
    default: {
      general_meeting: 20,
      committee_meeting: 60,
      group_meeting: 60,
      theme_day: 60,
      party_lesson: 5,
      life_meeting: 5,
    } as Record<string, number>,
  },
  "reminders.pausedUntil": {
    parse: z.preprocess(
      (v) => (v === "无" || v === "不暂停" ? "none" : v),
      z.string().regex(/^(\d{4}-\d{2}-\d{2}|none)$/),
    ),
    default: "none",
  },
  "deadlines.daysBefore": { parse: z.coerce.number().int().min(1).max(60), default: 7 },
  "checkIn.closesMinutesAfter": { parse: minutes, default: 60 },
  "wishes.claimDays": { parse: z.coerce.number().int().min(1).max(60), default: 7 },
  "wishes.remindHoursBefore": { parse: z.coerce.number().int().min(1).max(240), default: 24 },
  "points.perServiceHour": { parse: z.coerce.number().int().min(0).max(100), default: 1 },
  "points.perWish": { parse: z.coerce.number().int().min(0).max(100), default: 5 },
  "evaluation.demoPercent": { parse: z.coerce.number().int().min(0).max(50), default: 15 },
  "evaluation.lagPercent": { parse: z.coerce.number().int().min(0).max(50), default: 5 },
  // 发展党员 time rules (《中国共产党发展党员工作细则》), tightened or kept by each committee.
  "development.talkWithinDays": { parse: z.coerce.number().int().min(1).max(90), default: 30 },
  "development.activistMonths": { parse: z.coerce.number().int().min(12).max(36), default: 12 },
  "development.reviewEveryMonths": { parse: z.coerce.number().int().min(1).max(6), default: 6 },
  "development.trainingDays": { parse: z.coerce.number().int().min(3).max(30), default: 3 },
  "development.trainingHours": { parse: z.coerce.number().int().min(24).max(240), default: 24 },
  "development.publicityDays": { parse: z.coerce.number().int().min(5).max(30), default: 5 },
  "development.approvalMonths": { parse: z.coerce.number().int().min(1).max(3), default: 3 },
  "development.noticeDays": { parse: z.coerce.number().int().min(7).max(90), default: 30 },
} as const satisfies Record<string, { parse: z.ZodType; default: unknown }>;

export type SettingKey = keyof typeof SETTINGS;
export type Settings = { [K in SettingKey]: (typeof SETTINGS)[K]["default"] extends infer D ? D : never };
export type StoredSettings = Partial<Record<SettingKey, unknown>>;

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export function isSettingKey(key: string): key is SettingKey {
  return key in SETTINGS;
}

/**
 * Parses a value typed by a person. On failure, the issues in the person's language (zod's own
 * locale) and whether the value had the wrong shape (where an example says more than zod can).
 */
export function parseSetting(
  key: SettingKey,
  raw: string,
  locale: "zh-CN" | "en" = "zh-CN",
): { ok: true; value: unknown } | { ok: false; error: string; wrongShape: boolean } {
  const localeError = (locale === "en" ? z.locales.en() : z.locales.zhCN()).localeError;
  const result = (SETTINGS[key].parse as z.ZodType).safeParse(raw, { error: localeError });
  if (result.success) return { ok: true, value: result.data };
  const wrongShape = result.error.issues.some((i) => i.code === "invalid_format" || i.code === "custom");
  const error = result.error.issues
    .map((i) => (locale === "en" ? i.message : plainChinese(i.message)))
    .join("；");
  return { ok: false, error, wrongShape };
}

/** zod's Chinese messages keep a few English type names; say them in Chinese too. */
function plainChinese(message: string): string {
  return message
    .replaceAll("NaN", "非数字")
    .replace(/\bnumber\b/g, "数字")
    .replace(/\bstring\b/g, "文本")
    .replace(/\bint\b/g, "整数")
    .replace(/\barray\b/g, "列表");
}

export interface EffectiveSetting {
  value: unknown;
  /** The organisation that set it, or null for the default. */
  from: string | null;
}

/**
 * Merges stored settings from the root down to the organisation itself.
 * `chain` lists the organisation first, then its parent, up to the root.
 */
export function effectiveSettings(
  chain: readonly { id: string; settings: StoredSettings }[],
): Record<SettingKey, EffectiveSetting> {
  const result = {} as Record<SettingKey, EffectiveSetting>;
  for (const key of SETTING_KEYS) {
    const owner = chain.find((org) => org.settings[key] !== undefined);
    result[key] = owner
      ? { value: owner.settings[key], from: owner.id }
      : { value: SETTINGS[key].default, from: null };
  }
  return result;
}

export function parseStoredSettings(json: string): StoredSettings {
  // What nearly every organisation stores: a city's index reads 30,000 of them.
  if (json === "{}") return {};
  try {
    const value = JSON.parse(json) as unknown;
    if (typeof value !== "object" || value === null) return {};
    return Object.fromEntries(Object.entries(value).filter(([key]) => isSettingKey(key))) as StoredSettings;
  } catch {
    return {};
  }
}

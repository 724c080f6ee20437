// Organisation settings: a flat set of named keys, each with a zod parser and a default. An
// organisation stores only what it overrides; the effective value is the nearest ancestor's
// (county-wide theme day, committee-tightened frequencies), else the default.
import { z } from "zod";

const frequency = z
  .string()
  .regex(/^(month|quarter|half_year|year):\d{1,2}$/, "period:times, e.g. quarter:1")
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
  "themeDay.time": { parse: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:mm"), default: "09:00" },
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
    parse: z
      .string()
      .regex(
        /^([a-z_]+:\d{1,4})([,，]\s*[a-z_]+:\d{1,4})*$/,
        "type:cap, e.g. general_meeting:20,party_lesson:5",
      )
      .transform((v) =>
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
    parse: z.string().regex(/^(\d{4}-\d{2}-\d{2}|none)$/, "YYYY-MM-DD or none"),
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
} as const satisfies Record<string, { parse: z.ZodType; default: unknown }>;

export type SettingKey = keyof typeof SETTINGS;
export type Settings = { [K in SettingKey]: (typeof SETTINGS)[K]["default"] extends infer D ? D : never };
export type StoredSettings = Partial<Record<SettingKey, unknown>>;

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export function isSettingKey(key: string): key is SettingKey {
  return key in SETTINGS;
}

/** Parses a value typed by a person; returns the error text on failure. */
export function parseSetting(
  key: SettingKey,
  raw: string,
): { ok: true; value: unknown } | { ok: false; error: string } {
  const result = SETTINGS[key].parse.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: result.error.issues.map((i) => i.message).join("; ") };
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
  try {
    const value = JSON.parse(json) as unknown;
    if (typeof value !== "object" || value === null) return {};
    return Object.fromEntries(Object.entries(value).filter(([key]) => isSettingKey(key))) as StoredSettings;
  } catch {
    return {};
  }
}

// Dates and times as secretaries type them: 2026-03-10, 3-10, 3月10日, 今天/明天/后天; 19:30,
// 9点, 9点半, 下午3点, 晚上7点半. Interpreted in the organisation's zone; returns a UTC instant.
import { DateTime } from "luxon";

const RELATIVE: Record<string, number> = { 今天: 0, today: 0, 明天: 1, tomorrow: 1, 后天: 2 };

export function parseDay(input: string, now: Date, zone: string): DateTime | undefined {
  const text = input.trim().toLowerCase();
  const today = DateTime.fromJSDate(now, { zone }).startOf("day");
  const relative = RELATIVE[text];
  if (relative !== undefined) return today.plus({ days: relative });
  let match = text.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/);
  if (match)
    return valid(
      DateTime.fromObject(
        { year: +(match[1] ?? 0), month: +(match[2] ?? 0), day: +(match[3] ?? 0) },
        { zone },
      ),
    );
  match = text.match(/^(\d{1,2})[-/.月](\d{1,2})[日号]?$/);
  if (match) {
    // A date without a year is the next such date from today.
    const candidate = valid(
      DateTime.fromObject({ year: today.year, month: +(match[1] ?? 0), day: +(match[2] ?? 0) }, { zone }),
    );
    if (!candidate) return undefined;
    return candidate < today ? candidate.plus({ years: 1 }) : candidate;
  }
  return undefined;
}

export function parseTime(input: string): { hour: number; minute: number } | undefined {
  const text = input.trim();
  let match = text.match(/^([01]?\d|2[0-3])[:：]([0-5]\d)$/);
  if (match) return { hour: +(match[1] ?? 0), minute: +(match[2] ?? 0) };
  match = text.match(/^(上午|早上|中午|下午|晚上)?(\d{1,2})点(半|(\d{1,2})分?)?$/);
  if (!match) return undefined;
  let hour = +(match[2] ?? 0);
  const minute = match[3] === "半" ? 30 : match[4] ? +match[4] : 0;
  const part = match[1];
  if ((part === "下午" || part === "晚上") && hour < 12) hour += 12;
  if (part === "中午" && hour < 11) hour += 12;
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute };
}

export function combine(day: DateTime, time: { hour: number; minute: number }): Date {
  return day.set({ hour: time.hour, minute: time.minute, second: 0, millisecond: 0 }).toJSDate();
}

function valid(value: DateTime): DateTime | undefined {
  return value.isValid ? value : undefined;
}

// Parsing what secretaries type to schedule or edit a meeting, with a clear word for what is
// missing or wrong, so the guided flow can ask for exactly that.
import { type MeetingType, parseMeetingType } from "./meeting-types.js";
import { combine, parseDay, parseTime } from "./when.js";

export interface ScheduleDraft {
  type?: MeetingType;
  startsAt?: Date;
  place?: string;
  topic?: string;
  online: boolean;
  hostCode?: string;
  recorderCode?: string;
  groupCode?: string;
  occurrences: number;
}

export type ScheduleStep = "type" | "date" | "time" | "place" | "topic";

/**
 * Reads `类型 日期 时间 地点 主题… [主持=编号] [记录=编号] [小组=代码] [重复=3] [线上]` in order.
 * Returns the draft and the first step that is missing or invalid.
 */
export function readSchedule(
  tokens: string[],
  now: Date,
  zone: string,
): { draft: ScheduleDraft; next: ScheduleStep | null; invalid: ScheduleStep | null } {
  const draft: ScheduleDraft = { online: false, occurrences: 1 };
  const positional: string[] = [];
  for (const token of tokens) {
    const option = token.match(/^(host|主持|recorder|记录|group|小组|repeat|重复)[=＝](.+)$/i);
    if (option) {
      const [, key = "", value = ""] = option;
      const k = key.toLowerCase();
      if (k === "host" || k === "主持") draft.hostCode = value.toUpperCase();
      else if (k === "recorder" || k === "记录") draft.recorderCode = value.toUpperCase();
      else if (k === "group" || k === "小组") draft.groupCode = value.toUpperCase();
      else draft.occurrences = Math.min(12, Math.max(1, Number.parseInt(value, 10) || 1));
    } else if (token === "online" || token === "线上") draft.online = true;
    else positional.push(token);
  }
  const [typeWord, dayWord, timeWord, place, ...topic] = positional;
  if (!typeWord) return { draft, next: "type", invalid: null };
  draft.type = parseMeetingType(typeWord);
  if (!draft.type) return { draft, next: "type", invalid: "type" };
  if (!dayWord) return { draft, next: "date", invalid: null };
  const day = parseDay(dayWord, now, zone);
  if (!day) return { draft, next: "date", invalid: "date" };
  if (!timeWord) return { draft, next: "time", invalid: null };
  const time = parseTime(timeWord);
  if (!time) return { draft, next: "time", invalid: "time" };
  draft.startsAt = combine(day, time);
  if (!place) return { draft, next: "place", invalid: null };
  draft.place = place.slice(0, 60);
  if (topic.length === 0) return { draft, next: "topic", invalid: null };
  draft.topic = topic.join(" ").slice(0, 200);
  return { draft, next: null, invalid: null };
}

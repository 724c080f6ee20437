// Reading what secretaries type to schedule a meeting — in any order: the type by its Chinese
// names, the day and time as they write them (understand-when.ts), then the place and the topic —
// with a clear word for what is missing or wrong, so the guided flow asks for exactly that piece
// and keeps the rest.
import { DateTime } from "luxon";
import { parseMeetingType } from "./meeting-types.js";
import { looksLikePlace, looksLikeTopic } from "./place-words.js";
import { nextOccurrences } from "./recurrence/occurrences.js";
import { readRecurrenceWords } from "./recurrence/recurrence-phrase.js";
import type { ScheduleDraft } from "./schedule-input.js";
import { describeWhen, understandWhen, type WhenQuestion } from "./time-phrase/understand-when.js";

export type { ScheduleDraft } from "./schedule-input.js";

export type ScheduleStep = "type" | "date" | "time" | "place" | "topic";

export interface ScheduleReading {
  draft: ScheduleDraft;
  /** The first piece missing or wrong; null when the draft is complete. */
  next: ScheduleStep | null;
  /** Set when `next` is asked because what was given for it was wrong. */
  invalid: ScheduleStep | null;
  /** What the day and time said that needs asking about, with the phrase and what it was read as. */
  problem?: { reason: WhenQuestion; phrase: string; start: Date | null };
  /** The pieces to keep while asking again: everything but the wrong one. */
  kept: string[];
}

const OPTION = /^(host|主持|recorder|记录|group|小组|repeat|重复)[=＝](.+)$/i;
/** 地点=… and 主题=…, or 地点= followed by the piece (a quoted place, an answer to a question). */
const NAMED_PIECE = /^(place|地点|topic|主题)[=＝](.*)$/i;

/** Reads `类型 时间 地点 主题… [主持=编号] [记录=编号] [小组=代码] [重复=3] [线上]`, in any order. */
export function readSchedule(tokens: string[], now: Date, zone: string): ScheduleReading {
  const draft: ScheduleDraft = { online: false, occurrences: 1 };
  const pieces = readOptions(tokens, draft);
  const without = (drop: string[]) => tokens.filter((t) => !drop.includes(t));
  const result: Result = (next, invalid, kept = tokens) => ({
    draft,
    next,
    invalid,
    kept,
  });

  // How each piece reads as a day or a time, worked out once.
  const described = new Map(pieces.map((p) => [p, describeWhen(p)]));
  const when = (p: string) => described.get(p) ?? null;

  // The type: the first piece that names one; else the first piece was meant as one.
  const typed = pieces.find((p) => parseMeetingType(p));
  if (!typed) {
    const first = pieces.find((p) => !when(p));
    return first ? result("type", "type", without([first])) : result("type", null);
  }
  draft.type = parseMeetingType(typed);
  // Only that piece: the same words may come back as the topic (主题党日 … 主题党日).
  const rest = pieces.filter((_, i) => i !== pieces.indexOf(typed));

  // A rule (每月第一个周五 19:30): the time comes with it or in a piece of its own.
  const recurring = rest.find((p) => readRecurrenceWords(p));
  if (recurring) return readRecurring(recurring, rest, when, draft, now, zone, result, without);

  // The day and time: every piece written as one, read together (周五 + 14:30).
  // The day before the time, whichever came first (a re-asked day arrives after the time).
  const whenPieces = rest
    .filter((p) => when(p))
    .sort((a, b) => Number(when(b)?.hasDate) - Number(when(a)?.hasDate));
  if (whenPieces.length === 0) return result("date", null);
  const phrase = whenPieces.join(" ");
  const answer = understandWhen(phrase, now, zone);
  if (answer.kind === "question") {
    return askAgain(
      answer,
      phrase,
      whenPieces.map((p) => ({ piece: p, ...when(p) })),
      result,
      without,
    );
  }
  draft.startsAt = answer.start;
  draft.endsAt = answer.end;

  return placeAndTopic(
    rest.filter((p) => !whenPieces.includes(p)),
    draft,
    result,
  );
}

type Result = (next: ScheduleStep | null, invalid: ScheduleStep | null, kept?: string[]) => ScheduleReading;

/** Takes the `key=value` options and 线上 into the draft; the pieces left are what was said. */
function readOptions(tokens: string[], draft: ScheduleDraft): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    const named = token.match(NAMED_PIECE);
    if (named) {
      const [, key = "", written = ""] = named;
      const value = (written || tokens[++i] || "").trim();
      if (!value) continue;
      if (key === "地点" || key.toLowerCase() === "place") draft.place = value.slice(0, 60);
      else draft.topic = value.slice(0, 200);
      continue;
    }
    const option = token.match(OPTION);
    if (option) {
      const [, key = "", value = ""] = option;
      const k = key.toLowerCase();
      if (k === "host" || k === "主持") draft.hostCode = value.toUpperCase();
      else if (k === "recorder" || k === "记录") draft.recorderCode = value.toUpperCase();
      else if (k === "group" || k === "小组") draft.groupCode = value.toUpperCase();
      else draft.occurrences = Math.min(12, Math.max(1, Number.parseInt(value, 10) || 1));
    } else if (token === "online" || token === "线上") {
      draft.online = true;
    } else pieces.push(token);
  }
  return pieces;
}

type WhenPart = { piece: string; hasDate?: boolean; hasPart?: boolean; hasTime?: boolean };

/** What to ask again when the day and time need a question, keeping the pieces that were right. */
function askAgain(
  answer: Extract<ReturnType<typeof understandWhen>, { kind: "question" }>,
  phrase: string,
  parts: WhenPart[],
  result: Result,
  without: (drop: string[]) => string[],
): ScheduleReading {
  const whenPieces = parts.map((p) => p.piece);
  const datePieces = parts.filter((p) => p.hasDate && !p.hasTime && !p.hasPart).map((p) => p.piece);
  const timeProblem =
    answer.reason === "needTime" ||
    answer.reason === "ambiguousHour" ||
    answer.reason === "midnight" ||
    answer.reason === "endBeforeStart";
  const problem = { reason: answer.reason, phrase, start: answer.start };
  if (answer.reason === "needTime" && parts.every((p) => !p.hasPart && !p.hasTime))
    return result("time", null);
  // A time problem keeps the pieces that only name the day; without one, the day is asked again.
  if (timeProblem && datePieces.length > 0)
    return {
      ...result("time", "time", without(whenPieces.filter((p) => !datePieces.includes(p)))),
      problem,
    };
  if (timeProblem && parts.every((p) => !p.hasDate))
    return { ...result("time", "time", without(whenPieces)), problem };
  // A day that is wrong or past is asked again; a piece that only gave the time stays.
  const timeOnly = parts.filter((p) => !p.hasDate).map((p) => p.piece);
  return { ...result("date", "date", without(whenPieces.filter((p) => !timeOnly.includes(p)))), problem };
}

/**
 * The place, then the topic. A piece that names a place is the place; else, of two or more
 * pieces, the first (类型 时间 地点 主题) unless it opens like a topic. Without one the place is
 * left open: the command fills in the branch's usual place or 待定 and says so.
 */
function placeAndTopic(others: string[], draft: ScheduleDraft, result: Result): ScheduleReading {
  if (others.length === 0 && !draft.place && !draft.topic) return result("place", null);
  let placeAt = draft.place ? -1 : others.findIndex(looksLikePlace);
  if (placeAt < 0 && !draft.place && !draft.topic && others.length >= 2 && !looksLikeTopic(others[0] ?? ""))
    placeAt = 0;
  const place = others[placeAt];
  if (place) draft.place = place.slice(0, 60);
  const topic = others.filter((_, i) => i !== placeAt);
  if (topic.length > 0) draft.topic = [draft.topic, ...topic].filter(Boolean).join(" ").slice(0, 200);
  if (!draft.topic) return result("topic", null);
  return result(null, null);
}

/**
 * A rule and its time of day: the time read as a one-off time on the rule's first day would be,
 * with the same questions (3点? 晚上12点?); the first occurrence becomes the draft's start.
 */
function readRecurring(
  recurring: string,
  rest: string[],
  when: (p: string) => ReturnType<typeof describeWhen>,
  draft: ScheduleDraft,
  now: Date,
  zone: string,
  result: Result,
  without: (drop: string[]) => string[],
): ScheduleReading {
  const reading = readRecurrenceWords(recurring);
  if (!reading) return result("date", "date", without([recurring]));
  const timePieces = rest.filter((p) => p !== recurring && when(p) && !when(p)?.hasDate);
  const keptRule = [...without([recurring, ...timePieces]), reading.words];
  const timeText = [reading.timeText, ...timePieces].filter(Boolean).join(" ");
  if (!timeText) return result("time", null, keptRule);
  // Read against the start of today, so any time of day is ahead: only its hour and minute count.
  const dayStart = DateTime.fromJSDate(now, { zone }).startOf("day").toJSDate();
  const answer = understandWhen(timeText, dayStart, zone);
  const firstAt = (at: Date) => {
    const local = DateTime.fromJSDate(at, { zone });
    return nextOccurrences(reading.rule, { hour: local.hour, minute: local.minute }, zone, now, 1)[0];
  };
  // A question about the time is asked with the rule's first meeting as it was read (3点 → 15:00?).
  if (answer.kind === "question" || answer.start === null)
    return {
      ...result("time", "time", keptRule),
      problem: {
        reason: answer.kind === "question" ? answer.reason : "unknown",
        phrase: `${reading.words} ${timeText}`,
        start: answer.start ? (firstAt(answer.start) ?? null) : null,
      },
    };
  const time = DateTime.fromJSDate(answer.start, { zone }).toFormat("HH:mm");
  const first = firstAt(answer.start);
  if (!first)
    return {
      ...result("date", "date", without([recurring])),
      problem: { reason: "unknown", phrase: recurring, start: null },
    };
  draft.recurrence = { rule: reading.rule, ruleText: reading.words, time };
  draft.startsAt = first;
  draft.endsAt = answer.end
    ? new Date(first.getTime() + (answer.end.getTime() - answer.start.getTime()))
    : null;
  return placeAndTopic(
    rest.filter((p) => p !== recurring && !timePieces.includes(p)),
    draft,
    result,
  );
}

// What a secretary writes after a step's name, read in any order: the day it was done
// (2026-03-05, 2026年3月5日, 今天, 昨天), the members it names (M-codes), the meeting and its
// votes (H-code, 赞成12 / 12票), a training's length (3天, 24学时), an extension (6个月); the rest
// is the note (or, for 取消资格, the reason).
import { DateTime } from "luxon";
import { normalise } from "../meetings/time-phrase/normalise.js";
import type { StepDetails } from "./development-rules.js";

export interface StepInput {
  on: string | null;
  details: StepDetails;
  notes: string | null;
}

/** A local day as written, or null when the token is no date; "bad" when it looks like one but is not. */
export function readDay(token: string, today: string): string | null | "bad" {
  const text = normalise(token);
  if (text === "今天" || text === "today") return today;
  if (text === "昨天" || text === "yesterday")
    return DateTime.fromISO(today, { zone: "UTC" }).minus({ days: 1 }).toISODate();
  const m = text.match(/^(\d{4})(?:-|\/|年)(\d{1,2})(?:-|\/|月)(\d{1,2})日?$/);
  if (!m) return /^\d{4}[-/年]/.test(text) ? "bad" : null;
  const date = DateTime.fromObject(
    { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) },
    { zone: "UTC" },
  );
  return date.isValid ? (date.toISODate() ?? "bad") : "bad";
}

export function readStepInput(tokens: readonly string[], today: string): StepInput | "badDate" {
  let on: string | null = null;
  const details: StepDetails = {};
  const members: string[] = [];
  const rest: string[] = [];
  for (const raw of tokens) {
    const token = normalise(raw);
    const dayRead = readDay(token, today);
    if (dayRead === "bad") return "badDate";
    if (dayRead && on === null) {
      on = dayRead;
      continue;
    }
    const upper = token.toUpperCase();
    const votes = token.match(/^(?:赞成|同意)(\d{1,4})票?$/) ?? token.match(/^(\d{1,4})票$/);
    const days = token.match(/^(\d{1,3})(?:天|日)$/);
    const hours = token.match(/^(\d{1,4})(?:学时|课时|小时)$/);
    const months = token.match(/^(\d{1,2})个?月$/);
    if (/^M[0-9A-Z]{5}$/.test(upper)) members.push(upper);
    else if (/^H[0-9A-Z]{4}$/.test(upper)) details.meeting = upper;
    else if (votes) details.votesFor = Number(votes[1]);
    else if (days) details.days = Number(days[1]);
    else if (hours) details.hours = Number(hours[1]);
    else if (months) details.months = Number(months[1]);
    else rest.push(raw);
  }
  if (members.length > 0) details.members = members;
  const text = rest.join(" ").trim().slice(0, 500);
  return { on, details, notes: text || null };
}

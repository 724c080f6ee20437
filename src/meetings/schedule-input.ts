// A meeting as a secretary asks for it, and the same while a sentence is still being read: the
// pieces the sentence must say may be missing, and are asked for one at a time.
import type { MeetingType } from "./meeting-types.js";

export interface ScheduleInput {
  type: MeetingType;
  startsAt: Date;
  /** A range's end (下午3点到5点); absent: no end recorded. */
  endsAt?: Date | null;
  place: string;
  topic: string;
  online: boolean;
  hostCode?: string;
  recorderCode?: string;
  groupCode?: string;
  /** Occurrences, one a month from the first; 1 for a one-off meeting. */
  occurrences: number;
  /** A recurring rule (每月15日上午9点): kept as a series, `startsAt` its first occurrence. */
  recurrence?: { rule: string; ruleText: string; time: string };
}

/** What the sentence itself must say; the guided flow asks for each one missing. */
type SaidPieces = "type" | "startsAt" | "endsAt" | "place" | "topic";

/** A meeting as read so far. */
export type ScheduleDraft = Omit<ScheduleInput, SaidPieces> & Partial<Pick<ScheduleInput, SaidPieces>>;

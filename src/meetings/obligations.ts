// This period's obligations per meeting type: how many are required (from the inherited
// frequency settings), how many were held (closed), how many are scheduled, how many are missing.
import type { Frequency } from "../organization/settings.js";
import type { MeetingType } from "./meeting-types.js";
import { contains, type Period, periodOf } from "./periods.js";

export interface ObligationMeeting {
  type: MeetingType;
  groupId: string | null;
  startsAt: Date;
  status: "scheduled" | "cancelled" | "closed";
}

export interface Obligation {
  type: MeetingType;
  /** For party group meetings, one line per group. */
  groupId: string | null;
  period: Period;
  required: number;
  held: number;
  scheduled: number;
  missing: number;
}

export function obligations(input: {
  now: Date;
  zone: string;
  frequencies: Partial<Record<MeetingType, Frequency>>;
  groupIds: string[];
  meetings: ObligationMeeting[];
}): Obligation[] {
  const result: Obligation[] = [];
  for (const [type, frequency] of Object.entries(input.frequencies) as [MeetingType, Frequency][]) {
    if (!frequency || frequency.times === 0) continue;
    const period = periodOf(input.now, frequency.period, input.zone);
    const targets = type === "group_meeting" ? input.groupIds : [null];
    for (const groupId of targets) {
      const relevant = input.meetings.filter(
        (m) => m.type === type && contains(period, m.startsAt) && (groupId === null || m.groupId === groupId),
      );
      const held = relevant.filter((m) => m.status === "closed").length;
      const scheduled = relevant.filter((m) => m.status === "scheduled").length;
      result.push({
        type,
        groupId,
        period,
        required: frequency.times,
        held,
        scheduled,
        missing: Math.max(0, frequency.times - held - scheduled),
      });
    }
  }
  return result;
}

/** Members whose party-joining anniversary (政治生日) falls in a local month. */
export function politicalBirthdays<T extends { joinedPartyOn: string | null }>(
  members: T[],
  month: number,
): T[] {
  return members.filter((m) => m.joinedPartyOn && Number(m.joinedPartyOn.slice(5, 7)) === month);
}

// A period's obligations per meeting type: how many are required (from the inherited frequency
// settings), how many were held (closed) and in which of the type's periods something is missing.
import type { Frequency } from "../organization/settings.js";
import type { MeetingType } from "./meeting-types.js";
import { subPeriods } from "./period-spec.js";
import { type Period, type PeriodKind, periodOf } from "./periods.js";

export interface ObligationMeeting {
  type: MeetingType;
  groupId: string | null;
  startsAt: Date;
  status: "scheduled" | "cancelled" | "closed";
  /** For a closed meeting whose rule has a quorum: whether it was met (null: no rule, or unknown). */
  quorumMet?: boolean | null;
}

export interface Obligation {
  type: MeetingType;
  /** For party group meetings, one line per group. */
  groupId: string | null;
  /**
   * The period this line counts: the one asked about, or — for a type due less often (a yearly
   * meeting in a quarter) — the type's own period around it.
   */
  period: Period;
  /** Whether the type is due at least as often as the period asked about (else it is only shown). */
  judged: boolean;
  /** How often the type is due, and how many times each time. */
  every: PeriodKind;
  times: number;
  /** Times × the type's periods in `period` (a quarter: 3 for a monthly meeting). */
  required: number;
  /** The part of `required` already due: periods that have begun by `asOf`. */
  due: number;
  /** Meetings held (closed) in the period, however many. */
  held: number;
  /** Held meetings that count: at most `times` in each of the type's periods. */
  counted: number;
  /** Meetings scheduled in the type's periods that are still running (a past one not closed is not). */
  scheduled: number;
  /** What is short in the periods that have begun, after what is still scheduled in them. */
  missing: number;
  /** The type's periods that ended with something missing (months, quarters…), in order. */
  missingIn: Period[];
  /** Of `missing`, what the current period still needs (it has not ended: not yet a failure). */
  stillToHold: number;
  /** Held meetings that did not reach their quorum: held, but their resolutions are not valid. */
  withoutQuorum: number;
}

/** A branch's meetings of a period, and what its settings require of them. */
export interface ObligationInput {
  period: Period;
  /** Periods of a type that have not started by then are not yet due. */
  asOf: Date;
  zone: string;
  frequencies: Partial<Record<MeetingType, Frequency>>;
  groupIds: string[];
  meetings: ObligationMeeting[];
  /** When the branch was set up in the bot: its type's periods that ended before owe nothing. */
  since?: Date;
}

const ORDER: Record<PeriodKind, number> = { month: 1, quarter: 3, half_year: 6, year: 12 };

/**
 * The one period model every report uses: each meeting type with a frequency, counted over the
 * named period. A type due as often or more often than the period is counted in each of its own
 * periods inside it (a quarter holds three monthly obligations); a type due less often is counted
 * in its own period around it. Periods that have not begun by `asOf` are required but not due.
 */
export function obligations(input: ObligationInput): Obligation[] {
  const result: Obligation[] = [];
  const { meetings } = input;
  // Instants as numbers, once: a city's weekly board runs this for every one of 30,000 branches,
  // and comparing Dates converts both sides each time.
  const starts = meetings.map((m) => m.startsAt.getTime());
  const asOf = input.asOf.getTime();
  for (const [type, frequency] of Object.entries(input.frequencies) as [MeetingType, Frequency][]) {
    if (!frequency || frequency.times === 0) continue;
    const finer = ORDER[frequency.period] <= ORDER[input.period.kind];
    const period = finer ? input.period : periodOf(input.period.start, frequency.period, input.zone);
    const since = input.since?.getTime() ?? Number.NEGATIVE_INFINITY;
    const parts = (finer ? partsOf(period, frequency.period, input.zone) : [period]).filter(
      (part) => part.end.getTime() > since,
    );
    if (parts.length === 0) continue;
    const targets = type === "group_meeting" ? input.groupIds : [null];
    for (const groupId of targets) {
      const row: Obligation = {
        type,
        groupId,
        period,
        judged: finer,
        every: frequency.period,
        times: frequency.times,
        required: frequency.times * parts.length,
        due: 0,
        held: 0,
        counted: 0,
        scheduled: 0,
        missing: 0,
        missingIn: [],
        stillToHold: 0,
        withoutQuorum: 0,
      };
      for (const part of parts) {
        const from = part.start.getTime();
        const to = part.end.getTime();
        let held = 0;
        let scheduled = 0;
        for (let i = 0; i < meetings.length; i++) {
          const m = meetings[i] as ObligationMeeting;
          const at = starts[i] as number;
          if (m.type !== type || at < from || at >= to) continue;
          if (groupId !== null && m.groupId !== groupId) continue;
          if (m.status === "closed") {
            held += 1;
            if (m.quorumMet === false) row.withoutQuorum += 1;
          } else if (m.status === "scheduled") scheduled += 1;
        }
        row.held += held;
        if (from > asOf) continue;
        row.due += frequency.times;
        row.counted += Math.min(held, frequency.times);
        // A period that has ended can no longer hold what is scheduled in it.
        const open = to > asOf;
        const coming = open ? scheduled : 0;
        row.scheduled += coming;
        const short = Math.max(0, frequency.times - held - coming);
        row.missing += short;
        if (short > 0 && open) row.stillToHold += short;
        else if (short > 0) row.missingIn.push(part);
      }
      result.push(row);
    }
  }
  return result;
}

/** A period's parts of a kind (a quarter's months), shared: periods are frozen (see periodOf). */
const partsMemo = new Map<string, readonly Period[]>();
function partsOf(period: Period, kind: PeriodKind, zone: string): readonly Period[] {
  const key = `${period.start.getTime()}|${period.kind}|${kind}|${zone}`;
  let parts = partsMemo.get(key);
  if (!parts) {
    parts = Object.freeze(subPeriods(period, kind, zone));
    if (partsMemo.size >= 1024) partsMemo.clear();
    partsMemo.set(key, parts);
  }
  return parts;
}

/** Each type in its own current period (this month, this quarter…): what is due right now. */
export function currentObligations(input: {
  now: Date;
  zone: string;
  frequencies: Partial<Record<MeetingType, Frequency>>;
  groupIds: string[];
  meetings: ObligationMeeting[];
}): Obligation[] {
  const { now, ...rest } = input;
  return obligations({ ...rest, period: periodOf(now, "month", input.zone), asOf: now });
}

/**
 * Share of the required meetings held (0–1) over the lines of a period's obligations: only types
 * due at least as often as the period are judged, only their periods that have begun, held
 * meetings capped at what each period required. Nothing required counts as done.
 */
export function completion(rows: readonly Obligation[]): number {
  const judged = rows.filter((r) => r.judged);
  const due = judged.reduce((n, r) => n + r.due, 0);
  const counted = judged.reduce((n, r) => n + r.counted, 0);
  return due === 0 ? 1 : counted / due;
}

/** Members whose party-joining anniversary (政治生日) falls in a local month. */
export function politicalBirthdays<T extends { joinedPartyOn: string | null }>(
  members: T[],
  month: number,
): T[] {
  return members.filter((m) => m.joinedPartyOn && Number(m.joinedPartyOn.slice(5, 7)) === month);
}

// The attendance ledger of one meeting (应到/实到/请假/缺席 with reasons, and quorum), computed from
// who was expected and what happened. Pure, so every rule is unit-tested.
import { type MeetingType, QUORUM } from "./meeting-types.js";

export interface ExpectedMember {
  memberId: string;
  name: string;
  /** 正式党员 vote; 预备党员 attend but do not vote. */
  voting: boolean;
}

export type AbsenceReason = "leave" | "official" | "sick" | "unexcused" | "other";
export type Outcome = "present" | "late" | "leave" | "absent";

export interface LedgerInput {
  type: MeetingType;
  expected: ExpectedMember[];
  checkIns: { memberId: string; late: boolean }[];
  approvedLeave: Set<string>;
  /** Reasons recorded for absentees before closing. */
  notes: Map<string, { reason: AbsenceReason; note: string | null }>;
}

export interface LedgerLine extends ExpectedMember {
  outcome: Outcome;
  reason: AbsenceReason | null;
  note: string | null;
}

export interface Ledger {
  lines: LedgerLine[];
  expected: number;
  present: number;
  late: number;
  onLeave: number;
  absent: number;
  /** Absentees with no reason yet: closing marks them 无故 (unexcused). */
  unexplained: number;
  /** `basis`: whose presence counts — voting (正式) members, or the committee's members. */
  quorum: {
    applies: boolean;
    basis: "voting_members" | "committee" | null;
    base: number;
    present: number;
    met: boolean;
  };
}

export function computeLedger(input: LedgerInput): Ledger {
  const checkedIn = new Map(input.checkIns.map((c) => [c.memberId, c]));
  const lines: LedgerLine[] = input.expected.map((member) => {
    const checkIn = checkedIn.get(member.memberId);
    if (checkIn) return { ...member, outcome: checkIn.late ? "late" : "present", reason: null, note: null };
    if (input.approvedLeave.has(member.memberId))
      return { ...member, outcome: "leave", reason: "leave", note: null };
    const note = input.notes.get(member.memberId);
    return { ...member, outcome: "absent", reason: note?.reason ?? null, note: note?.note ?? null };
  });
  const count = (outcome: Outcome) => lines.filter((l) => l.outcome === outcome).length;
  const attended = (l: LedgerLine) => l.outcome === "present" || l.outcome === "late";
  const rule = QUORUM[input.type];
  // The general meeting counts voting members; the committee meeting counts its members.
  const base = rule === "voting_members" ? lines.filter((l) => l.voting) : lines;
  const basePresent = base.filter(attended).length;
  return {
    lines,
    expected: lines.length,
    present: lines.filter(attended).length,
    late: count("late"),
    onLeave: count("leave"),
    absent: count("absent"),
    unexplained: lines.filter((l) => l.outcome === "absent" && !l.reason).length,
    quorum: {
      applies: rule !== null,
      basis: rule,
      base: base.length,
      present: basePresent,
      met: rule === null || basePresent * 2 > base.length,
    },
  };
}

/** Absentees without a reason are recorded as 无故 (unexcused) when the meeting closes. */
export function closeLedger(ledger: Ledger): LedgerLine[] {
  return ledger.lines.map((line) =>
    line.outcome === "absent" && !line.reason ? { ...line, reason: "unexcused" as const } : line,
  );
}

const REASON_WORDS: Record<string, AbsenceReason> = {
  因公: "official",
  公出: "official",
  official: "official",
  病假: "sick",
  生病: "sick",
  sick: "sick",
  无故: "unexcused",
  unexcused: "unexcused",
  其他: "other",
  other: "other",
  请假: "leave",
  leave: "leave",
};

export function parseAbsenceReason(word: string): AbsenceReason | undefined {
  return REASON_WORDS[word.toLowerCase()];
}

/** A frozen line of a closed meeting's ledger, as stored when it was closed. */
export interface FrozenLine extends ExpectedMember {
  outcome: string;
  reason: string | null;
  note: string | null;
}

/** The ledger of a closed meeting, from the lines frozen when it was closed. */
export function ledgerFromFrozen(type: MeetingType, frozen: FrozenLine[]): Ledger {
  return computeLedger({
    type,
    expected: frozen.map((a) => ({ memberId: a.memberId, name: a.name, voting: a.voting })),
    checkIns: frozen
      .filter((a) => a.outcome === "present" || a.outcome === "late")
      .map((a) => ({ memberId: a.memberId, late: a.outcome === "late" })),
    approvedLeave: new Set(frozen.filter((a) => a.outcome === "leave").map((a) => a.memberId)),
    notes: new Map(
      frozen
        .filter((a) => a.outcome === "absent" && a.reason)
        .map((a) => [a.memberId, { reason: a.reason as AbsenceReason, note: a.note }]),
    ),
  });
}

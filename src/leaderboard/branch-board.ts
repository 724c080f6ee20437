// One branch's board from the rows a page read: the share of this period's required meetings
// held, the year's attendance and service, and its members' scores. Pure: the page's reads and
// their pacing are the service's.

import { frequenciesOf } from "../meetings/meeting-types.js";
import { currentObligations, type ObligationMeeting } from "../meetings/obligations.js";
import type { OrgRecord } from "../organization/organization-repository.js";
import type { effectiveSettings } from "../organization/settings.js";
import { type Ranked, rank, tallyPoints } from "./points.js";
import { pointsRulesOf } from "./points-rules-of.js";
import type { MemberTally } from "./tally-repository.js";

type Settings = ReturnType<typeof effectiveSettings>;

export interface MemberScore {
  memberId: string;
  name: string;
  points: number;
}

export interface BranchBoard {
  branch: OrgRecord;
  /** Share of this period's required meetings held, 0–1. */
  completion: number;
  /** Present ÷ expected over this year's closed meetings, 0–1 (null when none). */
  attendance: number | null;
  /** Volunteer minutes the branch's members served this year, wherever they served. */
  serviceMinutes: number;
  scores: Ranked<MemberScore>[];
}

export interface BranchFacts {
  branch: OrgRecord;
  zone: string;
  /** The branch's settings, inherited ones resolved. */
  settings: Settings;
  /** Its 党小组, whose meetings count for their own obligations. */
  groupIds: string[];
  /** This year's meetings, as read. */
  meetings: readonly unknown[];
  /** Active members, when every one is ranked. */
  roster: readonly { id: string; name: string }[];
  tallyOf(memberId: string): MemberTally | undefined;
  totals?: { expected: number; attended: number; serviceMinutes: number };
  /** The database's top list, when only the top is ranked. */
  top?: () => Ranked<MemberScore>[];
}

export function branchBoard(facts: BranchFacts, now: Date, rankAll: boolean): BranchBoard {
  const { branch, settings, totals } = facts;
  const rules = pointsRulesOf(settings);
  const rows = currentObligations({
    now,
    zone: facts.zone,
    frequencies: frequenciesOf(settings),
    groupIds: facts.groupIds,
    // The rows as read: a city's page would otherwise copy thousands of meetings per board.
    meetings: facts.meetings as ObligationMeeting[],
  });
  const required = rows.reduce((n, r) => n + r.required, 0);
  const held = rows.reduce((n, r) => n + Math.min(r.held, r.required), 0);
  const scores = facts.roster.map((m) => {
    const tally = facts.tallyOf(m.id);
    return { memberId: m.id, name: m.name, points: tally ? tallyPoints(tally, rules) : 0 };
  });
  return {
    branch,
    completion: required === 0 ? 1 : held / required,
    attendance: totals && totals.expected > 0 ? totals.attended / totals.expected : null,
    serviceMinutes: totals?.serviceMinutes ?? 0,
    scores: rankAll ? rank(scores, (s) => s.points) : (facts.top?.() ?? []),
  };
}

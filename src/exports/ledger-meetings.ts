// The 台账's meeting sheets from the period's rows: each held meeting with its frozen ledger, host
// and recorder; the meetings not held; every leave request. Pure: the service reads, this sorts.
import { groupBy } from "../core/group-by.js";
import { type FrozenLine, ledgerFromFrozen } from "../meetings/ledger.js";
import type { MeetingRecord } from "../meetings/meeting-repository.js";
import type { MeetingType } from "../meetings/meeting-types.js";
import type { LedgerExportData } from "./ledger-sheets.js";

export interface LeaveRow {
  meetingId: string;
  memberId: string;
  reason: string;
  status: string;
  createdAt: Date;
}

export interface PeriodRows {
  meetings: readonly MeetingRecord[];
  leaves: readonly LeaveRow[];
  /** Frozen ledger lines of the closed meetings. */
  lines: readonly (FrozenLine & { meetingId: string })[];
  roster: readonly { id: string; name: string; personId: string | null }[];
}

export function ledgerMeetings(rows: PeriodRows): Pick<LedgerExportData, "meetings" | "planned" | "leaves"> {
  const names = new Map(rows.roster.map((m) => [m.id, m.name]));
  const byPerson = new Map(rows.roster.filter((m) => m.personId).map((m) => [m.personId, m.name]));
  const leavesBy = groupBy(rows.leaves, (l) => l.meetingId);
  const linesBy = groupBy(rows.lines, (l) => l.meetingId);
  const out: Pick<LedgerExportData, "meetings" | "planned" | "leaves"> = {
    meetings: [],
    planned: [],
    leaves: [],
  };
  for (const meeting of rows.meetings) {
    const requests = leavesBy.get(meeting.id) ?? [];
    for (const leave of requests) {
      out.leaves.push({
        meeting: meeting.topic,
        name: names.get(leave.memberId) ?? "",
        reason: leave.reason,
        status: leave.status,
        at: leave.createdAt,
      });
    }
    if (meeting.status !== "closed") {
      out.planned.push(meeting);
      continue;
    }
    out.meetings.push({
      meeting,
      ledger: ledgerFromFrozen(meeting.type as MeetingType, linesBy.get(meeting.id) ?? []),
      // Not named when scheduled: the one who convened it hosted, the one who closed it signed
      // the record.
      host:
        (meeting.hostMemberId ? names.get(meeting.hostMemberId) : byPerson.get(meeting.createdById)) ?? "",
      recorder:
        (meeting.recorderMemberId
          ? names.get(meeting.recorderMemberId)
          : meeting.closedById
            ? byPerson.get(meeting.closedById)
            : undefined) ?? "",
      rejectedLeave: new Map(
        requests.filter((l) => l.status === "rejected").map((l) => [l.memberId, l.reason]),
      ),
    });
  }
  return out;
}

// Weekly leaderboards: a branch's completion of required meetings and attendance rate, the top of
// its members by points (never the bottom), a member's own rank on request, and a committee's
// ranking of its branches.
import { DateTime } from "luxon";
import type { MeetingRepository } from "../meetings/meeting-repository.js";
import type { MeetingService } from "../meetings/meeting-service.js";
import type { MemberRepository } from "../membership/member-repository.js";
import type { OrganizationRepository, OrgRecord } from "../organization/organization-repository.js";
import { effectiveSettings } from "../organization/settings.js";
import { memberPoints, type PointsRules, type Ranked, rank, topOnly } from "./points.js";

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
  scores: Ranked<MemberScore>[];
}

const TOP = 5;

export class LeaderboardService {
  constructor(
    private readonly meetings: MeetingService,
    private readonly meetingRepo: MeetingRepository,
    private readonly members: MemberRepository,
    private readonly orgs: OrganizationRepository,
  ) {}

  async branchBoard(branch: OrgRecord, now: Date): Promise<BranchBoard> {
    const chain = await this.orgs.chain(branch.id);
    const settings = effectiveSettings(chain);
    const rules: PointsRules = {
      perMeeting: settings["points.perMeeting"].value as number,
      caps: settings["points.caps"].value as PointsRules["caps"],
    };
    const zone = await this.meetings.zoneOf(branch.id);
    const yearStart = DateTime.fromJSDate(now, { zone }).startOf("year").toJSDate();
    const lines = await this.meetingRepo.attendanceOfBranch(branch.id, yearStart, now);
    const byMember = new Map<string, { type: string; outcome: string }[]>();
    for (const line of lines)
      byMember.set(line.memberId, [
        ...(byMember.get(line.memberId) ?? []),
        { type: line.meeting.type, outcome: line.outcome },
      ]);
    const roster = await this.members.listByBranch(branch.id);
    const scores = roster.map((m) => ({
      memberId: m.id,
      name: m.name,
      points: memberPoints(byMember.get(m.id) ?? [], rules),
    }));
    const attended = lines.filter((l) => l.outcome === "present" || l.outcome === "late").length;
    const { rows } = await this.meetings.obligationsOf(branch, now);
    const required = rows.reduce((n, r) => n + r.required, 0);
    const held = rows.reduce((n, r) => n + Math.min(r.held, r.required), 0);
    return {
      branch,
      completion: required === 0 ? 1 : held / required,
      attendance: lines.length === 0 ? null : attended / lines.length,
      scores: rank(scores, (s) => s.points),
    };
  }

  /** The top of the member ranking, for posting in the group. */
  top(board: BranchBoard): Ranked<MemberScore>[] {
    return topOnly(board.scores, (s) => s.points, TOP);
  }

  async committeeBoard(committee: OrgRecord, now: Date): Promise<Ranked<BranchBoard>[]> {
    const branches = (await this.orgs.subtree(committee.id)).filter((o) => o.kind === "branch");
    const boards = await Promise.all(branches.map((b) => this.branchBoard(b, now)));
    // Completion first; attendance breaks ties.
    return rank(
      boards,
      (b) => Math.round(b.completion * 1000) * 1000 + Math.round((b.attendance ?? 0) * 999),
    );
  }

  async memberRank(
    personId: string,
    now: Date,
  ): Promise<{ score: MemberScore; rank: number; of: number; branch: OrgRecord } | null> {
    const member = (await this.members.activeOf(personId))[0];
    if (!member) return null;
    const branch = await this.orgs.findById(member.organizationId);
    if (!branch) return null;
    const board = await this.branchBoard(branch, now);
    const mine = board.scores.find((s) => s.item.memberId === member.id);
    return mine ? { score: mine.item, rank: mine.rank, of: board.scores.length, branch } : null;
  }
}

// What a 发展党员 step names, checked against the roster and the ledger: 培养联系人 and 入党介绍人
// are 正式 members of the branch, a training is long enough, a vote was taken by a closed 支部党员大会
// that had its quorum and passed it by more than half of the 正式 members expected.
import { DomainError } from "../core/domain-error.js";
import type { MeetingReads } from "../meetings/meeting-reads.js";
import type { MemberRepository } from "../membership/member-repository.js";
import type { OrgRecord } from "../organization/organization-repository.js";
import type { DevelopmentFile } from "./development-repository.js";
import { type DevelopmentLimits, type StepDetails, trainingEnough } from "./development-rules.js";
import type { StepRule } from "./development-steps.js";

export class DevelopmentChecks {
  constructor(
    private readonly members: MemberRepository,
    private readonly meetings: MeetingReads,
  ) {}

  /** What the step names, checked against the roster and the ledger; the details as kept. */
  async details(
    rule: StepRule,
    branch: OrgRecord,
    file: DevelopmentFile,
    details: StepDetails,
    limits: DevelopmentLimits,
  ): Promise<StepDetails> {
    switch (rule.needs) {
      case "contacts":
      case "introducers": {
        const codes = [...new Set((details.members ?? []).map((c) => c.toUpperCase()))];
        const [min, max] = rule.needs === "contacts" ? [1, 2] : [2, 2];
        if (codes.length < min || codes.length > max)
          throw new DomainError(`development.refused.${rule.needs}Count`, { name: file.name });
        const names: string[] = [];
        for (const code of codes) {
          const member = await this.members.findByCode(code);
          if (member?.state !== "active" || member.organizationId !== branch.id)
            throw new DomainError("development.refused.notOfBranch", { code, branch: branch.name });
          if (member.status !== "full")
            throw new DomainError("development.refused.notFull", {
              code,
              member: member.name,
              step: rule.key,
            });
          names.push(member.name);
        }
        return { members: codes, memberNames: names };
      }
      case "training":
        if (!trainingEnough(details, limits))
          throw new DomainError("development.refused.trainingShort", {
            days: limits.trainingDays,
            hours: limits.trainingHours,
          });
        return {
          ...(details.days ? { days: details.days } : {}),
          ...(details.hours ? { hours: details.hours } : {}),
        };
      case "vote":
        return this.#vote(branch, details);
      case "extension": {
        const months = details.months ?? 0;
        if (months < 6 || months > 12) throw new DomainError("development.refused.extensionMonths");
        return { months };
      }
      case "reason":
        if (!details.reason) throw new DomainError("development.refused.reasonNeeded");
        return { reason: details.reason };
      default:
        return {};
    }
  }

  /**
   * A vote of the 支部党员大会: a closed general meeting of the branch that had its quorum, and
   * more than half of the 正式党员 expected voting for.
   */
  async #vote(branch: OrgRecord, details: StepDetails): Promise<StepDetails> {
    const code = (details.meeting ?? "").toUpperCase();
    const meeting = code ? await this.meetings.findByCode(code) : null;
    if (!meeting || meeting.organizationId !== branch.id || meeting.type !== "general_meeting")
      throw new DomainError("development.refused.voteMeeting", { meeting: code || "—" });
    if (meeting.status !== "closed")
      throw new DomainError("development.refused.voteNotClosed", { meeting: code });
    const attendees = await this.meetings.attendeesOf([meeting.id]);
    const voting = attendees.filter((a) => a.voting);
    const present = voting.filter((a) => a.outcome === "present" || a.outcome === "late").length;
    if (meeting.quorumMet === false || present * 2 <= voting.length)
      throw new DomainError("development.refused.noQuorum", {
        meeting: code,
        present,
        expected: voting.length,
      });
    const votesFor = details.votesFor ?? -1;
    if (votesFor < 0 || votesFor > present)
      throw new DomainError("development.refused.votesUnclear", { meeting: code, present });
    if (votesFor * 2 <= voting.length)
      throw new DomainError("development.refused.notPassed", { votes: votesFor, expected: voting.length });
    return { meeting: code, votesFor };
  }
}

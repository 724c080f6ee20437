// 党员联户 1+10: a member is linked to about ten households and records visits; the secretary sees
// who has not visited their households this month.
import type { AccessService } from "../access/access-service.js";
import { DomainError } from "../core/domain-error.js";
import { periodOf } from "../meetings/periods.js";
import type { MemberRepository } from "../membership/member-repository.js";
import type { OrgRecord } from "../organization/organization-repository.js";
import type { CommunityRepository } from "./community-repository.js";
import { newCode } from "./volunteer-service.js";

/** The households one member looks after: "1+10". */
export const MAX_HOUSEHOLDS = 15;

export class HouseholdService {
  constructor(
    private readonly repo: CommunityRepository,
    private readonly members: MemberRepository,
    private readonly access: AccessService,
  ) {}

  async add(personId: string, label: string, now: Date) {
    const [member] = await this.members.activeOf(personId);
    if (!member) throw new DomainError("members.notAMember");
    if ((await this.repo.householdsOf([member.id])).length >= MAX_HOUSEHOLDS)
      throw new DomainError("households.tooMany", { max: MAX_HOUSEHOLDS });
    return this.repo.createHousehold({
      code: await newCode(this.repo, "F"),
      memberId: member.id,
      label,
      createdAt: now,
    });
  }

  async visit(personId: string, code: string, note: string, now: Date) {
    const household = await this.repo.householdByCode(code);
    const owner = household ? await this.members.findById(household.memberId) : null;
    if (!household || owner?.personId !== personId) throw new DomainError("households.notYours", { code });
    await this.repo.addVisit(household.id, now, note);
    return household;
  }

  async mine(personId: string) {
    const memberships = await this.members.activeOf(personId);
    if (memberships.length === 0) throw new DomainError("members.notAMember");
    return this.repo.householdsOf(memberships.map((m) => m.id));
  }

  /** Members of the branch with households they have not visited this month. */
  async unvisited(actorId: string, branch: OrgRecord, now: Date, zone: string) {
    if (branch.kind !== "branch") throw new DomainError("meetings.needsBranch");
    await this.access.require(actorId, branch.id, "committee_member");
    const month = periodOf(now, "month", zone);
    const roster = await this.members.listByBranch(branch.id);
    const names = new Map(roster.map((m) => [m.id, m.name]));
    const behind = new Map<string, string[]>();
    for (const h of await this.repo.householdsOf(roster.map((m) => m.id))) {
      const last = h.visits[0]?.at;
      if (last && last >= month.start) continue;
      const list = behind.get(h.memberId) ?? [];
      list.push(h.label);
      behind.set(h.memberId, list);
    }
    return [...behind.entries()].map(([memberId, households]) => ({
      name: names.get(memberId) ?? "",
      households,
    }));
  }
}

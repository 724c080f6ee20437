// What the community boards (volunteer activities, micro-wishes) are kept with: their records, the
// roster and tree they belong to, who may see them, and the points service earns.
import type { AccessService } from "../access/access-service.js";
import type { TallyKeeper } from "../leaderboard/tally-keeper.js";
import type { MemberRepository } from "../membership/member-repository.js";
import type { OrganizationRepository } from "../organization/organization-repository.js";
import type { CommunityRepository } from "./community-repository.js";
import type { Participation } from "./participation.js";

export interface CommunityWork {
  repo: CommunityRepository;
  members: MemberRepository;
  orgs: OrganizationRepository;
  access: AccessService;
  /** Who takes part in a community's boards (its members and its registered in-service ones). */
  participation: Participation;
  tallies: TallyKeeper;
}

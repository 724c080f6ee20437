// Who takes part in an organisation's community work: members of a branch at or below it, and
// in-service members whose registration there (在职党员报到) was approved; they keep their own
// branch too. A pending registration gives no part and no sight of residents.
import type { AccessService } from "../access/access-service.js";
import { DomainError } from "../core/domain-error.js";
import type { MemberRecord, MemberRepository } from "../membership/member-repository.js";
import type { RegistrationRepository } from "../membership/registration-repository.js";
import type { OrganizationRepository } from "../organization/organization-repository.js";

export class Participation {
  constructor(
    private readonly members: MemberRepository,
    private readonly registrations: RegistrationRepository,
    private readonly orgs: OrganizationRepository,
    private readonly access: AccessService,
  ) {}

  /** The membership through which the person takes part in the organisation's work. */
  async memberFor(personId: string, organizationId: string): Promise<MemberRecord & { inService: boolean }> {
    const memberships = await this.members.activeOf(personId);
    for (const m of memberships)
      if ((await this.orgs.chain(m.organizationId)).some((o) => o.id === organizationId))
        return { ...m, inService: false };
    for (const m of memberships)
      if ((await this.registrations.approvedOrganizationIds(m.id)).includes(organizationId))
        return { ...m, inService: true };
    throw new DomainError("community.notParticipant", {}, "private");
  }

  /** The boards a person sees in private: their branch and those above it, and where registered. */
  async boardsOf(personId: string): Promise<string[]> {
    const ids = new Set<string>();
    for (const m of await this.members.activeOf(personId)) {
      for (const o of await this.orgs.chain(m.organizationId)) ids.add(o.id);
      for (const id of await this.registrations.approvedOrganizationIds(m.id)) ids.add(id);
    }
    return [...ids];
  }

  /** The boards a command shows: a group chat's own organisation, else the person's. */
  async boardsFor(personId: string, chat: { kind: string }, org: { id: string } | null): Promise<string[]> {
    return chat.kind === "group" && org ? [org.id] : this.boardsOf(personId);
  }

  async isSecretaryOf(personId: string, organizationId: string): Promise<boolean> {
    const roles = await this.access.rolesIn(personId, organizationId);
    return roles.includes("secretary") || roles.includes("org_admin");
  }
}

// Where a command acts and with which roles. In a group chat: the organisation the chat is bound
// to. In a private chat: the organisation the person chose with /use, else the branch they belong
// to, else the first organisation where they hold a role.
import type { ChatRef, UserRef } from "../core/incoming.js";
import type { Role } from "../core/roles.js";
import type { PersonRecord } from "../identity/identity-repository.js";
import type { IdentityService } from "../identity/identity-service.js";
import type { OrganizationRepository, OrgRecord } from "../organization/organization-repository.js";
import type { AccessService } from "./access-service.js";
import type { ContextRepository } from "./context-repository.js";

export interface ActingContext {
  person: PersonRecord | null;
  org: OrgRecord | null;
  /** The organisation, then its parents up to the root (for settings and the time zone). */
  orgChain: OrgRecord[];
  roles: Role[];
}

export class ContextService {
  constructor(
    private readonly identity: IdentityService,
    private readonly orgs: OrganizationRepository,
    private readonly access: AccessService,
    private readonly repo: ContextRepository,
  ) {}

  async resolve(user: UserRef, chat: ChatRef): Promise<ActingContext> {
    if (chat.kind === "group") {
      // The common case, in one query: see ContextRepository.
      const facts = await this.repo.inGroup(
        { platform: user.platform, externalId: user.id },
        { platform: chat.platform, externalId: chat.id },
      );
      const roles = await this.access.rolesFrom({ ...facts, personId: facts.person?.id ?? null });
      return { person: facts.person, org: facts.chain[0] ?? null, orgChain: facts.chain, roles };
    }
    const person = await this.identity.findPerson(user);
    const org = await this.#privateOrg(person);
    const [roles, orgChain] = await Promise.all([
      this.access.rolesIn(person?.id ?? null, org?.id ?? null),
      org ? this.orgs.chain(org.id) : [],
    ]);
    return { person, org, orgChain, roles };
  }

  async #privateOrg(person: PersonRecord | null): Promise<OrgRecord | null> {
    if (!person) return null;
    // The choice made with /use holds while the person still has a role there (an administrator
    // may choose any organisation below them).
    const chosen = person.currentOrganizationId;
    if (chosen && (await this.access.rolesIn(person.id, chosen)).length > 1)
      return this.orgs.findById(chosen);
    const [first] = await this.access.organizationsOf(person.id);
    if (first) return this.orgs.findById(first);
    // An installation administrator with no organisation of their own works at the first root.
    if (await this.access.isInstallationAdmin(person.id)) return (await this.orgs.children(null))[0] ?? null;
    return null;
  }
}

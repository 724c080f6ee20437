// Who may do what where. Roles held on an organisation hold on everything below it; membership
// of a branch counts in its party groups too; an administrator with no organisation administers
// the whole installation.
import { createHash } from "node:crypto";
import { DomainError, Forbidden } from "../core/domain-error.js";
import { mayRun, ROLES, type Role } from "../core/roles.js";
import type { Tx } from "../db/database.js";
import type { MemberRepository } from "../membership/member-repository.js";
import type { OrganizationRepository, OrgRecord } from "../organization/organization-repository.js";
import { AccessRepository, type Assignment } from "./access-repository.js";
import { type GrantableRole, grantorRole } from "./role-words.js";

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

export class AccessService {
  readonly #repo: AccessRepository;

  constructor(
    db: Tx,
    private readonly orgs: OrganizationRepository,
    private readonly members: MemberRepository,
  ) {
    this.#repo = new AccessRepository(db);
  }

  async isInstallationAdmin(personId: string | null): Promise<boolean> {
    if (!personId) return false;
    const assignments = await this.#repo.assignmentsOf(personId);
    return assignments.some((a) => a.organizationId === null && a.role === "org_admin");
  }

  async rolesIn(personId: string | null, organizationId: string | null): Promise<Role[]> {
    if (!personId) return ["anyone"];
    const [assignments, chain, branchIds] = await Promise.all([
      this.#repo.assignmentsOf(personId),
      organizationId ? this.orgs.chain(organizationId) : [],
      organizationId ? this.members.activeBranchIdsOf(personId) : [],
    ]);
    return this.rolesFrom({ personId, chain, assignments, branchIds });
  }

  /** Roles from facts already loaded: the organisation's chain (itself first), the person's
   * role assignments and the branches they are an active member of. */
  async rolesFrom(facts: {
    personId: string | null;
    chain: readonly OrgRecord[];
    assignments: readonly Assignment[];
    branchIds: readonly string[];
  }): Promise<Role[]> {
    const roles = new Set<Role>(["anyone"]);
    if (!facts.personId) return [...roles];
    const { assignments, branchIds } = facts;
    const organizationId = facts.chain[0]?.id ?? null;
    if (assignments.some((a) => a.organizationId === null && a.role === "org_admin")) roles.add("org_admin");
    if (organizationId) {
      const chain = new Set(facts.chain.map((o) => o.id));
      for (const a of assignments)
        if (a.organizationId && chain.has(a.organizationId) && isRole(a.role)) roles.add(a.role);
      if (branchIds.some((id) => chain.has(id))) roles.add("member");
      // A party group leader leads within the branch too (e.g. schedules their group's meeting
      // from the branch chat); the service then checks it is their own group.
      for (const a of assignments) {
        if (a.role !== "group_leader" || !a.organizationId || chain.has(a.organizationId)) continue;
        const group = await this.orgs.findById(a.organizationId);
        if (group?.parentId === organizationId) roles.add("group_leader");
      }
    }
    return ROLES.filter((r) => roles.has(r));
  }

  async require(personId: string | null, organizationId: string, role: Role): Promise<void> {
    if (!mayRun(role, await this.rolesIn(personId, organizationId))) throw new Forbidden();
  }

  /** Organisations where the person holds a role, then the branches they are a member of. */
  async organizationsOf(personId: string): Promise<string[]> {
    const fromRoles = await this.#repo.organizationsOf(personId);
    const fromMembership = (await this.members.activeOf(personId)).map((m) => m.organizationId);
    return [...new Set([...fromMembership, ...fromRoles])];
  }

  async grant(actorId: string, target: { personId: string; org: OrgRecord }, role: GrantableRole) {
    await this.require(actorId, target.org.id, grantorRole(role));
    if (role === "group_leader" && target.org.kind !== "group")
      throw new DomainError("roleChanges.leaderNeedsGroup");
    return this.#repo.grant(target.personId, target.org.id, role, actorId);
  }

  async revoke(actorId: string, target: { personId: string; org: OrgRecord }, role: GrantableRole) {
    await this.require(actorId, target.org.id, grantorRole(role));
    return this.#repo.revoke(target.personId, target.org.id, role);
  }

  /** Who holds a role in the organisation (null: the installation's administrators). */
  holders(organizationId: string | null) {
    return this.#repo.holders(organizationId);
  }

  assignmentsOf(personId: string) {
    return this.#repo.assignmentsOf(personId);
  }

  // Bootstrap of the very first administrator.

  async hasAdministrator(): Promise<boolean> {
    return (await this.#repo.adminCount()) > 0;
  }

  async grantInstallationAdmin(personId: string): Promise<boolean> {
    return this.#repo.grant(personId, null, "org_admin", null);
  }

  async issueBootstrapCode(code: string, now: Date): Promise<void> {
    await this.#repo.replaceBootstrapCode(hashCode(code), now);
  }

  async redeemBootstrapCode(code: string, personId: string, now: Date): Promise<boolean> {
    if (!(await this.#repo.useBootstrapCode(hashCode(code), personId, now))) return false;
    await this.grantInstallationAdmin(personId);
    return true;
  }
}

const hashCode = (code: string) => createHash("sha256").update(code.toUpperCase()).digest("hex");

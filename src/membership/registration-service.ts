// 在职党员到社区报到 as the rules have it: the member asks, the community's secretary approves.
// Until then the member takes no part in the community's work and sees none of its residents'
// details (wishes, households); a rejected request may be asked again.
import type { AccessService } from "../access/access-service.js";
import type { AuditRepository } from "../audit/audit-repository.js";
import { DomainError } from "../core/domain-error.js";
import { shortCode } from "../core/short-code.js";
import type { OrganizationRepository, OrgRecord } from "../organization/organization-repository.js";
import type { MemberRepository } from "./member-repository.js";
import type { RegistrationRepository } from "./registration-repository.js";

export class RegistrationService {
  constructor(
    private readonly registrations: RegistrationRepository,
    private readonly members: MemberRepository,
    private readonly orgs: OrganizationRepository,
    private readonly access: AccessService,
    private readonly audit: AuditRepository,
  ) {}

  async request(personId: string, community: OrgRecord, now: Date) {
    const [member] = await this.members.activeOf(personId);
    if (!member) throw new DomainError("members.notAMember");
    if (community.id === member.organizationId) throw new DomainError("members.registerOwnBranch");
    if (community.kind === "group") throw new DomainError("members.registerNeedsCommunity");
    const existing = await this.registrations.find(member.id, community.id);
    if (existing?.status === "approved")
      throw new DomainError("members.alreadyRegistered", { name: community.name });
    if (existing?.status === "pending")
      throw new DomainError("members.registrationPending", {
        name: community.name,
        code: existing.code ?? "",
      });
    const registration = await this.registrations.request(member.id, community.id, await this.#code(), now);
    await this.audit
      .by(personId, now)
      .did(community.id, "member.registerRequest", { member: member.code, request: registration.code });
    return { member, registration };
  }

  /** Pending registrations at the organisation and below, for its secretary. */
  async pending(actorId: string, org: OrgRecord) {
    await this.access.require(actorId, org.id, "secretary");
    return this.registrations.pendingAt((await this.orgs.subtree(org.id)).map((o) => o.id));
  }

  approve(actorId: string, code: string, now: Date) {
    return this.#decide(actorId, code, "approved", null, now);
  }

  reject(actorId: string, code: string, reason: string | null, now: Date) {
    return this.#decide(actorId, code, "rejected", reason, now);
  }

  async #decide(
    actorId: string,
    code: string,
    status: "approved" | "rejected",
    reason: string | null,
    now: Date,
  ) {
    const registration = await this.registrations.byCode(code);
    if (!registration) throw new DomainError("members.requestUnknown", { code });
    await this.access.require(actorId, registration.organizationId, "secretary");
    const member = await this.members.findById(registration.memberId);
    const community = await this.orgs.findById(registration.organizationId);
    if (!member || !community) throw new DomainError("members.requestUnknown", { code });
    if (registration.status !== "pending") throw new DomainError("members.requestDecided", { code });
    // Like leave, one's own request is decided by someone else.
    if (member.personId === actorId) throw new DomainError("members.ownRegistration", {}, "private");
    const decided = await this.registrations.decide(registration.id, {
      status,
      decidedById: actorId,
      decidedAt: now,
      reason,
    });
    if (!decided) throw new DomainError("members.requestDecided", { code });
    await this.audit
      .by(actorId, now)
      .did(community.id, status === "approved" ? "member.register" : "member.registerReject", {
        member: member.code,
        request: code,
        reason,
      });
    return { member, community, code };
  }

  async #code(): Promise<string> {
    for (;;) {
      const code = `R${shortCode(4)}`;
      if (!(await this.registrations.codeTaken(code))) return code;
    }
  }
}

// Members of branches: invitations, joining and approval, the roster, profiles, exemptions and
// roster import. Transfers and community registration have services of their own.

import type { AccessService } from "../access/access-service.js";
import type { AuditRepository } from "../audit/audit-repository.js";
import { DomainError } from "../core/domain-error.js";
import { shortCode } from "../core/short-code.js";
import type { OrganizationRepository, OrgRecord } from "../organization/organization-repository.js";
import type { InviteRepository } from "./invite-repository.js";
import { freshMemberCodes } from "./member-codes.js";
import type { MemberRecord, MemberRepository } from "./member-repository.js";
import type { RegistrationRepository } from "./registration-repository.js";
import { type ImportResult, RosterImport } from "./roster-import.js";
import type { MemberStatus } from "./roster-rules.js";

/** Chinese names in pinyin order, as printed rosters are. */
const PINYIN = new Intl.Collator("zh-CN");

export type { ImportResult };

/** A branch and, for an invitation to a party group, that group. */
function placement(org: OrgRecord): { branchId: string; groupId: string | null } {
  if (org.kind === "group" && org.parentId) return { branchId: org.parentId, groupId: org.id };
  return { branchId: org.id, groupId: null };
}

export class MembershipService {
  constructor(
    private readonly members: MemberRepository,
    private readonly registrations: RegistrationRepository,
    private readonly invites: InviteRepository,
    private readonly orgs: OrganizationRepository,
    private readonly access: AccessService,
    private readonly audit: AuditRepository,
  ) {
    this.#rosterImport = new RosterImport(members, orgs, access, audit);
  }

  readonly #rosterImport: RosterImport;

  // Invitations and joining.

  async createInvite(actorId: string, org: OrgRecord, opts: { maxUses: number; days: number }, now: Date) {
    if (org.kind !== "branch" && org.kind !== "group") throw new DomainError("members.inviteNeedsBranch");
    await this.access.require(actorId, org.id, "secretary");
    const code = shortCode(6);
    const expiresAt = new Date(now.getTime() + opts.days * 86_400_000);
    await this.invites.createInvite({
      code,
      organizationId: org.id,
      createdById: actorId,
      expiresAt,
      maxUses: opts.maxUses,
    });
    return { code, expiresAt, maxUses: opts.maxUses };
  }

  async join(personId: string, inviteCode: string, name: string, now: Date) {
    const invite = await this.invites.findInvite(inviteCode);
    if (!invite || invite.revokedAt) throw new DomainError("members.inviteUnknown");
    if (invite.expiresAt <= now) throw new DomainError("members.inviteExpired");
    if (invite.uses >= invite.maxUses) throw new DomainError("members.inviteUsedUp");
    const org = await this.orgs.findById(invite.organizationId);
    if (!org) throw new DomainError("members.inviteUnknown");
    const { branchId } = placement(org);
    if (await this.members.activeInBranchOf(personId, branchId))
      throw new DomainError("members.alreadyMember");
    if (await this.invites.pendingOf(personId, invite.organizationId))
      throw new DomainError("members.alreadyRequested");
    if (!(await this.invites.takeUse(inviteCode, now))) throw new DomainError("members.inviteUsedUp");
    const request = await this.invites.createRequest({
      code: shortCode(5),
      personId,
      organizationId: invite.organizationId,
      inviteCode,
      name,
    });
    return { request, org };
  }

  async pendingRequests(actorId: string, org: OrgRecord) {
    await this.access.require(actorId, org.id, "secretary");
    const ids = (await this.orgs.subtree(org.id)).map((o) => o.id);
    return this.invites.pendingIn(ids);
  }

  /** Without a status, a member linked to their roster entry keeps its status; a new one is 正式. */
  async approve(
    actorId: string,
    requestCode: string,
    opts: { status?: MemberStatus; joinedPartyOn: string | null },
    now: Date,
  ) {
    const request = await this.#pendingRequest(requestCode);
    await this.access.require(actorId, request.organizationId, "secretary");
    const org = await this.orgs.findById(request.organizationId);
    if (!org) throw new DomainError("members.requestUnknown", { code: requestCode });
    const { branchId, groupId } = placement(org);
    if (await this.members.activeInBranchOf(request.personId, branchId))
      throw new DomainError("members.alreadyMember");
    // A member imported from the roster before they used the bot: link, do not duplicate.
    const unlinked = await this.members.unlinkedByName(branchId, request.name);
    const onRoster = unlinked.length === 1 ? unlinked[0] : undefined;
    // The status is never assumed: the roster's stands unless one is given, and a person the
    // roster does not know must be given one.
    if (!onRoster && !opts.status) throw new DomainError("members.approveNeedsStatus", { code: requestCode });
    const statusWas = onRoster && opts.status && opts.status !== onRoster.status ? onRoster.status : null;
    const member = onRoster
      ? await this.members.update(onRoster.id, {
          personId: request.personId,
          ...(opts.status ? { status: opts.status } : {}),
          ...(opts.joinedPartyOn ? { joinedPartyOn: opts.joinedPartyOn } : {}),
          ...(groupId ? { groupId } : {}),
        })
      : await this.members.create({
          code: await this.#freshMemberCode(),
          name: request.name,
          status: opts.status ?? "full",
          joinedPartyOn: opts.joinedPartyOn,
          phone: null,
          organizationId: branchId,
          groupId,
          personId: request.personId,
        });
    if (
      !(await this.invites.decide(requestCode, {
        status: "approved",
        decidedById: actorId,
        decidedAt: now,
        memberId: member.id,
      }))
    ) {
      throw new DomainError("members.requestDecided", { code: requestCode });
    }
    await this.audit
      .by(actorId, now)
      .did(branchId, "member.approve", { member: member.code, name: member.name, status: member.status });
    if (statusWas)
      await this.audit
        .by(actorId, now)
        .did(branchId, "member.statusChange", { member: member.code, from: statusWas, to: member.status });
    return { member, statusWas };
  }

  async reject(actorId: string, requestCode: string, reason: string | null, now: Date) {
    const request = await this.#pendingRequest(requestCode);
    await this.access.require(actorId, request.organizationId, "secretary");
    await this.invites.decide(requestCode, {
      status: "rejected",
      decidedById: actorId,
      decidedAt: now,
      ...(reason ? { reason } : {}),
    });
    await this.audit
      .by(actorId, now)
      .did(request.organizationId, "member.reject", { request: requestCode, reason });
    return request;
  }

  async #pendingRequest(code: string) {
    const request = await this.invites.findRequest(code);
    if (!request) throw new DomainError("members.requestUnknown", { code });
    if (request.status !== "pending") throw new DomainError("members.requestDecided", { code });
    return request;
  }

  // The roster.

  /** The branch's members (for a party group: the group's), and members registered at it as a community. */
  async roster(actorId: string, org: OrgRecord) {
    await this.access.require(actorId, org.id, "member");
    const { branchId, groupId } = placement(org);
    const all = await this.members.listByBranch(branchId);
    const groups = new Map((await this.orgs.children(branchId)).map((g) => [g.id, g.name]));
    const groupName = (id: string | null) => (id ? (groups.get(id) ?? "") : "\uffff");
    const members = (groupId ? all.filter((m) => m.groupId === groupId) : all).sort(
      (a, b) => PINYIN.compare(groupName(a.groupId), groupName(b.groupId)) || PINYIN.compare(a.name, b.name),
    );
    const registered = await this.registrations.approvedAt(org.id);
    return { members, groups, registered };
  }

  async requireMember(
    actorId: string,
    code: string,
    role: "member" | "secretary" = "secretary",
  ): Promise<MemberRecord> {
    const member = await this.members.findByCode(code);
    // Unknown and out-of-scope members get the same answer: guessing codes reveals nothing.
    if (!member) throw new DomainError("members.unknown", { code });
    try {
      await this.access.require(actorId, member.organizationId, role);
    } catch {
      throw new DomainError("members.unknown", { code });
    }
    return member;
  }

  async profile(personId: string) {
    const memberships = await this.members.activeOf(personId);
    return Promise.all(
      memberships.map(async (member) => ({
        member,
        branch: await this.orgs.findById(member.organizationId),
        group: member.groupId ? await this.orgs.findById(member.groupId) : null,
        registrations: await this.registrations.of(member.id),
      })),
    );
  }

  async membershipIn(personId: string, org: OrgRecord): Promise<MemberRecord | null> {
    return this.members.activeInBranchOf(personId, placement(org).branchId);
  }

  memberById(id: string): Promise<MemberRecord | null> {
    return this.members.findById(id);
  }

  async firstMembership(personId: string): Promise<MemberRecord | null> {
    return (await this.members.activeOf(personId))[0] ?? null;
  }

  /**
   * Excuses a member from organisational life they cannot take part in (年老体弱、长期患病, as the
   * 《党员教育管理工作条例》 allows), or ends the exemption (reason null). Audited.
   */
  async setExemption(actorId: string, memberCode: string, reason: string | null, now: Date) {
    const member = await this.requireMember(actorId, memberCode);
    const updated = await this.members.update(member.id, { exemptReason: reason });
    await this.audit
      .by(actorId, now)
      .did(member.organizationId, reason ? "member.exempt" : "member.exemptEnded", {
        member: member.code,
        reason,
      });
    return updated;
  }

  // Roster import (roster-import.ts).

  importRoster(...args: Parameters<RosterImport["run"]>): Promise<ImportResult> {
    return this.#rosterImport.run(...args);
  }

  async #freshMemberCode(): Promise<string> {
    const [code] = await freshMemberCodes(this.members, 1);
    return code ?? shortCode(6);
  }
}

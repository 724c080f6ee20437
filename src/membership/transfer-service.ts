// 组织关系转接 between branches of the installation: the member's branch sends it, the receiving
// branch confirms it, and the member stays in the old branch (its roster, its meetings, its
// quorum) until then. Someone who is secretary of both ends (an administrator) completes it at
// once. A transfer out of the installation is recorded at once: nobody here receives it.
import type { AccessService } from "../access/access-service.js";
import type { AuditRepository } from "../audit/audit-repository.js";
import { DomainError } from "../core/domain-error.js";
import { mayRun } from "../core/roles.js";
import { shortCode } from "../core/short-code.js";
import type { TallyKeeper } from "../leaderboard/tally-keeper.js";
import type { OrganizationRepository, OrgRecord } from "../organization/organization-repository.js";
import type { MemberRecord, MemberRepository } from "./member-repository.js";
import type { MembershipService } from "./membership-service.js";
import type { TransferRecord, TransferRepository } from "./transfer-repository.js";

export type TransferOutcome =
  | { kind: "out"; member: MemberRecord }
  | { kind: "moved"; member: MemberRecord; from: OrgRecord | null; to: OrgRecord }
  | { kind: "sent"; member: MemberRecord; from: OrgRecord | null; to: OrgRecord; transfer: TransferRecord };

export class TransferService {
  constructor(
    private readonly transfers: TransferRepository,
    private readonly members: MemberRepository,
    private readonly membership: MembershipService,
    private readonly orgs: OrganizationRepository,
    private readonly access: AccessService,
    private readonly audit: AuditRepository,
    private readonly tallies: TallyKeeper,
  ) {}

  async send(
    actorId: string,
    memberCode: string,
    target: OrgRecord | "out",
    now: Date,
  ): Promise<TransferOutcome> {
    const member = await this.membership.requireMember(actorId, memberCode);
    const waiting = await this.transfers.pendingOf(member.id);
    if (waiting) {
      const to = await this.orgs.findById(waiting.toId);
      throw new DomainError("members.transferPending", {
        name: member.name,
        to: to?.name ?? "",
        code: waiting.code,
      });
    }
    if (target === "out") {
      await this.members.update(member.id, { state: "transferred_out" });
      await this.audit
        .by(actorId, now)
        .did(member.organizationId, "member.transfer_out", { member: member.code });
      return { kind: "out", member };
    }
    if (target.kind !== "branch") throw new DomainError("members.transferNeedsBranch");
    if (target.id === member.organizationId) throw new DomainError("members.transferSameBranch");
    const from = await this.orgs.findById(member.organizationId);
    if (mayRun("secretary", await this.access.rolesIn(actorId, target.id)))
      return { kind: "moved", member: await this.#move(actorId, member, target, now), from, to: target };
    const transfer = await this.transfers.create({
      code: await this.#code(),
      memberId: member.id,
      fromId: member.organizationId,
      toId: target.id,
      requestedById: actorId,
      requestedAt: now,
    });
    await this.audit.by(actorId, now).did(member.organizationId, "member.transfer_sent", {
      member: member.code,
      to: target.code,
      transfer: transfer.code,
    });
    return { kind: "sent", member, from, to: target, transfer };
  }

  /** Transfers waiting at the organisation and the branches below it, for their secretary. */
  async incoming(actorId: string, org: OrgRecord) {
    await this.access.require(actorId, org.id, "secretary");
    return this.transfers.pendingInto((await this.orgs.subtree(org.id)).map((o) => o.id));
  }

  async accept(actorId: string, code: string, now: Date) {
    const { transfer, member, from, to } = await this.#pending(actorId, code);
    if (member.state !== "active" || member.organizationId !== transfer.fromId)
      throw new DomainError("members.transferStale", { code });
    await this.#decide(transfer, actorId, "accepted", null, now);
    return { transfer, member: await this.#move(actorId, member, to, now), from, to };
  }

  async decline(actorId: string, code: string, reason: string | null, now: Date) {
    const { transfer, member, from, to } = await this.#pending(actorId, code);
    await this.#decide(transfer, actorId, "declined", reason, now);
    await this.audit
      .by(actorId, now)
      .did(to.id, "member.transfer_declined", { member: member.code, transfer: code, reason });
    return { transfer, member, from, to };
  }

  async #pending(actorId: string, code: string) {
    const transfer = await this.transfers.byCode(code);
    if (!transfer) throw new DomainError("members.transferUnknown", { code });
    // Only the receiving branch decides; to anyone else the code does not exist.
    try {
      await this.access.require(actorId, transfer.toId, "secretary");
    } catch {
      throw new DomainError("members.transferUnknown", { code });
    }
    if (transfer.status !== "pending") throw new DomainError("members.transferDecided", { code });
    const [member, from, to] = await Promise.all([
      this.members.findById(transfer.memberId),
      this.orgs.findById(transfer.fromId),
      this.orgs.findById(transfer.toId),
    ]);
    if (!member || !from || !to) throw new DomainError("members.transferUnknown", { code });
    return { transfer, member, from, to };
  }

  async #decide(
    transfer: TransferRecord,
    actorId: string,
    status: "accepted" | "declined",
    reason: string | null,
    now: Date,
  ) {
    if (!(await this.transfers.decide(transfer.id, { status, decidedById: actorId, decidedAt: now, reason })))
      throw new DomainError("members.transferDecided", { code: transfer.code });
  }

  async #move(actorId: string, member: MemberRecord, target: OrgRecord, now: Date): Promise<MemberRecord> {
    const moved = await this.members.update(member.id, { organizationId: target.id, groupId: null });
    // Their volunteer time and wishes now count for the new branch.
    await this.tallies.moved(member.organizationId, target.id, now);
    await this.audit
      .by(actorId, now)
      .did(member.organizationId, "member.transfer", { member: member.code, to: target.code });
    await this.audit
      .by(actorId, now)
      .did(target.id, "member.transfer_in", { member: member.code, from: member.organizationId });
    return moved;
  }

  async #code(): Promise<string> {
    for (;;) {
      const code = `T${shortCode(4)}`;
      if (!(await this.transfers.codeTaken(code))) return code;
    }
  }
}

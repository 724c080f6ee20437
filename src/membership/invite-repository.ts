// Persistence of invitation codes and join requests.
import type { Tx } from "../db/database.js";

export class InviteRepository {
  constructor(private readonly db: Tx) {}

  createInvite(data: {
    code: string;
    organizationId: string;
    createdById: string;
    expiresAt: Date;
    maxUses: number;
  }) {
    return this.db.inviteCode.create({ data });
  }

  findInvite(code: string) {
    return this.db.inviteCode.findUnique({ where: { code } });
  }

  /** Takes one use of the code only if one is left: safe when two people join at once. */
  async takeUse(code: string, now: Date): Promise<boolean> {
    const invite = await this.db.inviteCode.findUnique({ where: { code } });
    if (!invite || invite.revokedAt || invite.expiresAt <= now || invite.uses >= invite.maxUses) return false;
    const { count } = await this.db.inviteCode.updateMany({
      where: { code, uses: invite.uses },
      data: { uses: { increment: 1 } },
    });
    return count === 1;
  }

  createRequest(data: {
    code: string;
    personId: string;
    organizationId: string;
    inviteCode: string;
    name: string;
  }) {
    return this.db.joinRequest.create({ data });
  }

  findRequest(code: string) {
    return this.db.joinRequest.findUnique({ where: { code } });
  }

  pendingOf(personId: string, organizationId: string) {
    return this.db.joinRequest.findFirst({ where: { personId, organizationId, status: "pending" } });
  }

  pendingIn(organizationIds: string[]) {
    return this.db.joinRequest.findMany({
      where: { organizationId: { in: organizationIds }, status: "pending" },
      orderBy: { createdAt: "asc" },
      include: { organization: { select: { name: true } } },
    });
  }

  /** Decides a pending request; false when someone else decided it first. */
  async decide(
    code: string,
    data: {
      status: "approved" | "rejected";
      decidedById: string;
      decidedAt: Date;
      reason?: string;
      memberId?: string;
    },
  ): Promise<boolean> {
    const { count } = await this.db.joinRequest.updateMany({ where: { code, status: "pending" }, data });
    return count === 1;
  }
}

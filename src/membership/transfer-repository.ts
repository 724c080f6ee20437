// Persistence of transfers between branches (组织关系转接) awaiting the receiving branch.
import type { Tx } from "../db/database.js";

export interface TransferRecord {
  id: string;
  code: string;
  memberId: string;
  fromId: string;
  toId: string;
  requestedById: string;
  requestedAt: Date;
  status: string;
}

const TRANSFER = {
  id: true,
  code: true,
  memberId: true,
  fromId: true,
  toId: true,
  requestedById: true,
  requestedAt: true,
  status: true,
} as const;

export class TransferRepository {
  constructor(private readonly db: Tx) {}

  create(data: Omit<TransferRecord, "id" | "status">): Promise<TransferRecord> {
    return this.db.transferRequest.create({ data, select: TRANSFER });
  }

  byCode(code: string): Promise<TransferRecord | null> {
    return this.db.transferRequest.findUnique({ where: { code }, select: TRANSFER });
  }

  codeTaken(code: string): Promise<boolean> {
    return this.db.transferRequest.count({ where: { code } }).then((n) => n > 0);
  }

  pendingOf(memberId: string): Promise<TransferRecord | null> {
    return this.db.transferRequest.findFirst({ where: { memberId, status: "pending" }, select: TRANSFER });
  }

  /** Decides a pending transfer; false when it was decided meanwhile. */
  async decide(
    id: string,
    decision: {
      status: "accepted" | "declined";
      decidedById: string;
      decidedAt: Date;
      reason: string | null;
    },
  ): Promise<boolean> {
    const { count } = await this.db.transferRequest.updateMany({
      where: { id, status: "pending" },
      data: decision,
    });
    return count === 1;
  }

  /** Transfers waiting at these branches, oldest first, with the member and where they come from. */
  pendingInto(organizationIds: string[]) {
    return this.db.transferRequest.findMany({
      where: { toId: { in: organizationIds }, status: "pending" },
      select: {
        ...TRANSFER,
        member: { select: { name: true } },
        from: { select: { name: true } },
        to: { select: { name: true } },
      },
      orderBy: { requestedAt: "asc" },
    });
  }
}

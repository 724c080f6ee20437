// Persistence of leave requests (请假): asked by a member, decided by the secretary.
import type { Tx } from "../db/database.js";

export class LeaveRepository {
  constructor(private readonly db: Tx) {}

  findLeave(meetingId: string, memberId: string) {
    return this.db.leaveRequest.findUnique({ where: { meetingId_memberId: { meetingId, memberId } } });
  }

  findLeaveByCode(code: string) {
    return this.db.leaveRequest.findUnique({ where: { code }, include: { meeting: true } });
  }

  async putLeave(data: {
    code: string;
    meetingId: string;
    memberId: string;
    reason: string;
    createdAt: Date;
  }) {
    return this.db.leaveRequest.upsert({
      where: { meetingId_memberId: { meetingId: data.meetingId, memberId: data.memberId } },
      create: data,
      update: {
        reason: data.reason,
        status: "pending",
        decidedAt: null,
        decidedById: null,
        decisionNote: null,
        createdAt: data.createdAt,
      },
    });
  }

  async decideLeave(
    code: string,
    data: {
      status: "approved" | "rejected";
      decidedById: string;
      decidedAt: Date;
      decisionNote: string | null;
    },
  ) {
    const { count } = await this.db.leaveRequest.updateMany({ where: { code, status: "pending" }, data });
    return count === 1;
  }

  leaves(meetingId: string) {
    return this.db.leaveRequest.findMany({ where: { meetingId }, orderBy: { createdAt: "asc" } });
  }

  /** The leave requests of many meetings in one query (a period's 台账). */
  leavesOf(meetingIds: string[]) {
    return this.db.leaveRequest.findMany({
      where: { meetingId: { in: meetingIds } },
      orderBy: { createdAt: "asc" },
    });
  }

  pendingLeaves(organizationIds: string[]) {
    return this.db.leaveRequest.findMany({
      where: { status: "pending", meeting: { organizationId: { in: organizationIds }, status: "scheduled" } },
      include: { meeting: true },
      orderBy: { createdAt: "asc" },
    });
  }

  leavesOfMember(memberId: string, take: number) {
    return this.db.leaveRequest.findMany({
      where: { memberId },
      include: { meeting: true },
      orderBy: { createdAt: "desc" },
      take,
    });
  }
}

// Persistence of calendar subscriptions and the meetings a feed shows.
import type { Tx } from "../db/database.js";

export interface FeedMeeting {
  id: string;
  code: string;
  type: string;
  topic: string;
  place: string;
  online: boolean;
  startsAt: Date;
  status: string;
  cancelReason: string | null;
  organizationId: string;
  revision: number;
}

export class CalendarRepository {
  constructor(private readonly db: Tx) {}

  activeOf(personId: string) {
    return this.db.calendarFeed.findFirst({
      where: { personId, revokedAt: null },
      orderBy: { createdAt: "desc" },
    });
  }

  create(personId: string, token: string, at: Date) {
    return this.db.calendarFeed.create({ data: { personId, token, createdAt: at } });
  }

  async revokeAll(personId: string, at: Date): Promise<number> {
    const { count } = await this.db.calendarFeed.updateMany({
      where: { personId, revokedAt: null },
      data: { revokedAt: at },
    });
    return count;
  }

  byToken(token: string) {
    return this.db.calendarFeed.findUnique({ where: { token } });
  }

  /** The branches' meetings in a window: the branch's own, and those of the given party groups. */
  meetingsOf(branchIds: string[], groupIds: string[], from: Date, to: Date): Promise<FeedMeeting[]> {
    return this.db.meeting.findMany({
      where: {
        organizationId: { in: branchIds },
        startsAt: { gte: from, lt: to },
        OR: [{ groupId: null }, { groupId: { in: groupIds } }],
      },
      select: {
        id: true,
        code: true,
        type: true,
        topic: true,
        place: true,
        online: true,
        startsAt: true,
        status: true,
        cancelReason: true,
        organizationId: true,
        revision: true,
      },
      orderBy: { startsAt: "asc" },
    });
  }
}

// Persistence of calendar subscriptions and the meetings a feed shows.
import type { Tx } from "../db/database.js";
import { announcementKey } from "../meetings/announcement.js";

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
  endsAt: Date | null;
}

const FEED_FIELDS = {
  id: true,
  code: true,
  type: true,
  topic: true,
  place: true,
  online: true,
  startsAt: true,
  endsAt: true,
  status: true,
  cancelReason: true,
  organizationId: true,
  revision: true,
} as const;

export class CalendarRepository {
  constructor(private readonly db: Tx) {}

  /** The person's own feed (organizationId null), or the branch's feed (any person's). */
  activeOf(personId: string, organizationId: string | null) {
    return this.db.calendarFeed.findFirst({
      where: {
        revokedAt: null,
        ...(organizationId ? { organizationId } : { personId, organizationId: null }),
      },
      orderBy: { createdAt: "desc" },
    });
  }

  create(personId: string, organizationId: string | null, token: string, at: Date) {
    return this.db.calendarFeed.create({ data: { personId, organizationId, token, createdAt: at } });
  }

  async revokeAll(personId: string, organizationId: string | null, at: Date): Promise<number> {
    const { count } = await this.db.calendarFeed.updateMany({
      where: {
        revokedAt: null,
        ...(organizationId ? { organizationId } : { personId, organizationId: null }),
      },
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
      select: FEED_FIELDS,
      orderBy: { startsAt: "asc" },
    });
  }

  /** All of a branch's meetings in a window, its party groups' included. */
  meetingsOfBranch(branchId: string, from: Date, to: Date): Promise<FeedMeeting[]> {
    return this.db.meeting.findMany({
      where: { organizationId: branchId, startsAt: { gte: from, lt: to } },
      select: FEED_FIELDS,
      orderBy: { startsAt: "asc" },
    });
  }

  meetingById(id: string): Promise<FeedMeeting | null> {
    return this.db.meeting.findUnique({ where: { id }, select: FEED_FIELDS });
  }

  /** Each meeting's announcement link, where one was posted in a chat that has links. */
  async announcementLinks(meetingIds: readonly string[]): Promise<Map<string, string>> {
    if (meetingIds.length === 0) return new Map();
    const keys = new Map(meetingIds.map((id) => [announcementKey(id), id]));
    const rows = await this.db.postedMessage.findMany({
      where: { replaceKey: { in: [...keys.keys()] }, link: { not: null } },
      select: { replaceKey: true, link: true },
      orderBy: [{ platform: "asc" }, { chatId: "asc" }],
    });
    const links = new Map<string, string>();
    for (const row of rows) {
      const id = keys.get(row.replaceKey);
      if (id && row.link && !links.has(id)) links.set(id, row.link);
    }
    return links;
  }
}

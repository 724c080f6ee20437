// Persistence of recurring meeting rules (MeetingSeries) and the look-ups their occurrences need.
import type { Prisma, Tx } from "../db/database.js";

export type SeriesRecord = Prisma.MeetingSeriesGetPayload<object>;

export class SeriesRepository {
  constructor(private readonly db: Tx) {}

  create(data: Prisma.MeetingSeriesUncheckedCreateInput): Promise<SeriesRecord> {
    return this.db.meetingSeries.create({ data });
  }

  findByCode(code: string): Promise<SeriesRecord | null> {
    return this.db.meetingSeries.findUnique({ where: { code } });
  }

  async codeTaken(code: string): Promise<boolean> {
    return (await this.db.meetingSeries.count({ where: { code } })) > 0;
  }

  active(): Promise<SeriesRecord[]> {
    return this.db.meetingSeries.findMany({ where: { status: "active" }, orderBy: { createdAt: "asc" } });
  }

  /** The active series of these organisations (a branch and the committees above it). */
  activeOf(organizationIds: string[]): Promise<SeriesRecord[]> {
    return this.db.meetingSeries.findMany({
      where: { status: "active", organizationId: { in: organizationIds } },
      orderBy: { createdAt: "asc" },
    });
  }

  update(id: string, data: Prisma.MeetingSeriesUncheckedUpdateInput): Promise<SeriesRecord> {
    return this.db.meetingSeries.update({ where: { id }, data });
  }

  /** Which occurrences a branch already has (moved or cancelled ones too). */
  async occurrencesHeld(seriesId: string, organizationId: string): Promise<Set<number>> {
    const rows = await this.db.meeting.findMany({
      where: { seriesId, organizationId, occurrenceAt: { not: null } },
      select: { occurrenceAt: true },
    });
    return new Set(rows.flatMap((r) => (r.occurrenceAt ? [r.occurrenceAt.getTime()] : [])));
  }

  /** The series' meetings still to come and still scheduled, soonest first. */
  upcoming(seriesId: string, now: Date) {
    return this.db.meeting.findMany({
      where: { seriesId, status: "scheduled", startsAt: { gt: now } },
      orderBy: { startsAt: "asc" },
    });
  }
}

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

  /** The organisations with an active series of this type of their own. */
  async organizationsWithType(type: string): Promise<Set<string>> {
    const rows = await this.db.meetingSeries.findMany({
      where: { status: "active", type },
      select: { organizationId: true },
    });
    return new Set(rows.map((r) => r.organizationId));
  }

  /**
   * Which occurrences each organisation already has (moved or cancelled ones too), in one query
   * for every branch a committee's series reaches.
   */
  async occurrencesHeld(seriesId: string): Promise<Map<string, Set<number>>> {
    const rows = await this.db.meeting.findMany({
      where: { seriesId, occurrenceAt: { not: null } },
      select: { organizationId: true, occurrenceAt: true },
    });
    const held = new Map<string, Set<number>>();
    for (const row of rows) {
      if (!row.occurrenceAt) continue;
      const set = held.get(row.organizationId) ?? new Set<number>();
      set.add(row.occurrenceAt.getTime());
      held.set(row.organizationId, set);
    }
    return held;
  }

  /** The series' meetings still to come and still scheduled, soonest first. */
  upcoming(seriesId: string, now: Date) {
    return this.db.meeting.findMany({
      where: { seriesId, status: "scheduled", startsAt: { gt: now } },
      orderBy: { startsAt: "asc" },
    });
  }
}

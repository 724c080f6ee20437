// The aggregates behind the leaderboards, computed in the database for a page of branches at a
// time, so a whole city (tens of thousands of branches, millions of attendances) is a few queries
// a page rather than a few queries a branch.
import { Prisma, type Tx } from "../db/database.js";

export interface MemberCount {
  memberId: string;
  organizationId: string;
  type: string;
  n: number;
}

/**
 * One row per volunteer sign-up served (its minutes) and per wish confirmed (one wish) by members of
 * the branches in a period — wherever the work was done. Summed per member by `serviceTotals` and
 * turned into points by `topScores`.
 */
function serviceRows(branchIds: string[], from: Date, to: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT mb."id" AS "memberId", mb."organizationId" AS "organizationId", vs."minutes" AS "minutes", 0 AS "wishes"
    FROM "VolunteerSignup" vs JOIN "VolunteerActivity" va ON va."id" = vs."activityId"
      JOIN "Member" mb ON mb."id" = vs."memberId"
    WHERE mb."organizationId" IN (${Prisma.join(branchIds)}) AND vs."minutes" IS NOT NULL
      AND va."startsAt" >= ${from} AND va."startsAt" < ${to}
    UNION ALL
    SELECT mb."id", mb."organizationId", 0, 1
    FROM "MicroWish" w JOIN "Member" mb ON mb."id" = w."claimedById"
    WHERE mb."organizationId" IN (${Prisma.join(branchIds)}) AND w."status" = 'confirmed'
      AND w."confirmedAt" >= ${from} AND w."confirmedAt" <= ${to}`;
}

/** What the leaderboard needs of an organisation: its place in the tree and its settings. */
const ORG_COLUMNS = {
  id: true,
  code: true,
  kind: true,
  name: true,
  parentId: true,
  settings: true,
  timeZone: true,
} as const;

export class LeaderboardRepository {
  constructor(private readonly db: Tx) {}

  /** Meetings attended (present or late) per member and meeting type, in closed meetings. */
  async attendedCounts(branchIds: string[], from: Date, to: Date): Promise<MemberCount[]> {
    if (branchIds.length === 0) return [];
    const rows = await this.db.$queryRaw<
      { memberId: string; organizationId: string; type: string; n: number | bigint }[]
    >`
      SELECT a."memberId" AS "memberId", m."organizationId" AS "organizationId", m."type" AS "type", CAST(COUNT(*) AS INTEGER) AS "n"
      FROM "MeetingAttendee" a JOIN "Meeting" m ON m."id" = a."meetingId"
      WHERE m."organizationId" IN (${Prisma.join(branchIds)}) AND m."status" = 'closed'
        AND m."startsAt" >= ${from} AND m."startsAt" < ${to} AND a."outcome" IN ('present', 'late')
      GROUP BY a."memberId", m."organizationId", m."type"`;
    return rows.map((r) => ({ ...r, n: Number(r.n) }));
  }

  /**
   * Whether any volunteer time or confirmed wish is recorded in the period, anywhere: most
   * installations start without community work, and a city's weekly board need not sum nothing
   * for every page of branches.
   */
  async anyService(from: Date, to: Date): Promise<boolean> {
    const [served, wished] = await Promise.all([
      this.db.volunteerSignup.findFirst({
        where: { minutes: { not: null }, activity: { startsAt: { gte: from, lt: to } } },
        select: { memberId: true },
      }),
      this.db.microWish.findFirst({
        where: { status: "confirmed", confirmedAt: { gte: from, lte: to } },
        select: { id: true },
      }),
    ]);
    return served !== null || wished !== null;
  }

  /**
   * Volunteer minutes served and micro-wishes confirmed per member of the branches, in a period
   * (activities that started in it; wishes confirmed in it), wherever the work was done.
   */
  async serviceTotals(
    branchIds: string[],
    from: Date,
    to: Date,
  ): Promise<Map<string, { organizationId: string; minutes: number; wishes: number }>> {
    if (branchIds.length === 0) return new Map();
    const rows = await this.db.$queryRaw<
      { memberId: string; organizationId: string; minutes: number | bigint; wishes: number | bigint }[]
    >`
      SELECT t."memberId" AS "memberId", t."organizationId" AS "organizationId",
        CAST(SUM(t."minutes") AS INTEGER) AS "minutes", CAST(SUM(t."wishes") AS INTEGER) AS "wishes"
      FROM (${serviceRows(branchIds, from, to)}) t
      GROUP BY t."memberId", t."organizationId"`;
    return new Map(
      rows.map((r) => [
        r.memberId,
        { organizationId: r.organizationId, minutes: Number(r.minutes), wishes: Number(r.wishes) },
      ]),
    );
  }

  /**
   * The top of each branch's member ranking, computed in the database: points per member with
   * each type's yearly cap, plus service (whole hours served, wishes confirmed), ranked within the
   * branch; only ranks up to `top` with points > 0.
   */
  async topScores(
    branchIds: string[],
    from: Date,
    to: Date,
    rules: { perMeeting: number; caps: Record<string, number>; perServiceHour: number; perWish: number },
    top: number,
    provider: "sqlite" | "postgresql",
    /** False when no service is recorded in the period at all: the service parts are left out. */
    withService = true,
  ): Promise<{ organizationId: string; memberId: string; name: string; points: number; rank: number }[]> {
    if (branchIds.length === 0) return [];
    const least = provider === "sqlite" ? "MIN" : "LEAST";
    const capped = Object.entries(rules.caps).length
      ? Prisma.sql`CASE c."type" ${Prisma.join(
          Object.entries(rules.caps).map(
            ([type, cap]) =>
              Prisma.sql`WHEN ${type} THEN ${Prisma.raw(least)}(c."n" * ${rules.perMeeting}, ${cap})`,
          ),
          " ",
        )} ELSE c."n" * ${rules.perMeeting} END`
      : Prisma.sql`c."n" * ${rules.perMeeting}`;
    const serviceParts = Prisma.sql`
        UNION ALL
        SELECT s."memberId", s."organizationId",
          (SUM(s."minutes") / 60) * ${rules.perServiceHour} + SUM(s."wishes") * ${rules.perWish}
        FROM (${serviceRows(branchIds, from, to)}) s
        GROUP BY s."memberId", s."organizationId"`;
    const rows = await this.db.$queryRaw<
      {
        organizationId: string;
        memberId: string;
        name: string;
        points: number | bigint;
        rank: number | bigint;
      }[]
    >`
      WITH c AS (
        SELECT a."memberId" AS "memberId", m."organizationId" AS "organizationId", m."type" AS "type", COUNT(*) AS "n"
        FROM "MeetingAttendee" a JOIN "Meeting" m ON m."id" = a."meetingId"
        WHERE m."organizationId" IN (${Prisma.join(branchIds)}) AND m."status" = 'closed'
          AND m."startsAt" >= ${from} AND m."startsAt" < ${to} AND a."outcome" IN ('present', 'late')
        GROUP BY a."memberId", m."organizationId", m."type"
      ), q AS (
        SELECT c."memberId" AS "memberId", c."organizationId" AS "organizationId", SUM(${capped}) AS "points"
        FROM c GROUP BY c."memberId", c."organizationId"
        ${withService ? serviceParts : Prisma.empty}
      ), p AS (
        SELECT q."memberId" AS "memberId", q."organizationId" AS "organizationId", CAST(SUM(q."points") AS INTEGER) AS "points"
        FROM q GROUP BY q."memberId", q."organizationId"
      ), r AS (
        SELECT p.*, RANK() OVER (PARTITION BY p."organizationId" ORDER BY p."points" DESC) AS "rank" FROM p
      )
      SELECT r."organizationId" AS "organizationId", r."memberId" AS "memberId", mb."name" AS "name", r."points" AS "points", CAST(r."rank" AS INTEGER) AS "rank"
      FROM r JOIN "Member" mb ON mb."id" = r."memberId"
      WHERE r."rank" <= ${top} AND r."points" > 0 AND mb."state" = 'active' AND mb."organizationId" = r."organizationId"`;
    return rows.map((r) => ({ ...r, points: Number(r.points), rank: Number(r.rank) }));
  }

  /** Expected and attended lines per branch, in closed meetings. */
  async attendanceTotals(
    branchIds: string[],
    from: Date,
    to: Date,
  ): Promise<Map<string, { total: number; attended: number }>> {
    if (branchIds.length === 0) return new Map();
    const rows = await this.db.$queryRaw<
      { organizationId: string; total: number | bigint; attended: number | bigint }[]
    >`
      SELECT m."organizationId" AS "organizationId", CAST(COUNT(*) AS INTEGER) AS "total",
        CAST(SUM(CASE WHEN a."outcome" IN ('present', 'late') THEN 1 ELSE 0 END) AS INTEGER) AS "attended"
      FROM "MeetingAttendee" a JOIN "Meeting" m ON m."id" = a."meetingId"
      WHERE m."organizationId" IN (${Prisma.join(branchIds)}) AND m."status" = 'closed'
        AND m."startsAt" >= ${from} AND m."startsAt" < ${to}
      GROUP BY m."organizationId"`;
    return new Map(
      rows.map((r) => [r.organizationId, { total: Number(r.total), attended: Number(r.attended) }]),
    );
  }

  meetings(branchIds: string[], from: Date, to: Date) {
    return this.db.meeting.findMany({
      where: { organizationId: { in: branchIds }, startsAt: { gte: from, lt: to } },
      select: { organizationId: true, groupId: true, type: true, status: true, startsAt: true },
    });
  }

  members(branchIds: string[]) {
    return this.db.member.findMany({
      where: { organizationId: { in: branchIds }, state: "active" },
      select: { id: true, name: true, organizationId: true },
      orderBy: { createdAt: "asc" },
    });
  }

  /** Every organisation's place in the tree and settings, to resolve inherited settings in memory. */
  organizations() {
    return this.db.organization.findMany({ select: ORG_COLUMNS });
  }

  /** One branch's ancestors, itself and its party groups: enough to resolve its settings. */
  async around(branchId: string) {
    const select = ORG_COLUMNS;
    const orgs = await this.db.organization.findMany({
      where: { OR: [{ id: branchId }, { parentId: branchId }] },
      select,
    });
    let parentId = orgs.find((o) => o.id === branchId)?.parentId ?? null;
    while (parentId && orgs.length < 64) {
      const parent = await this.db.organization.findUnique({ where: { id: parentId }, select });
      if (!parent) break;
      orgs.push(parent);
      parentId = parent.parentId;
    }
    return orgs;
  }

  /** A page of branches in a stable order (keyset pagination by id). */
  branchPage(after: string | null, take: number) {
    return this.db.organization.findMany({
      where: { kind: "branch", ...(after ? { id: { gt: after } } : {}) },
      select: ORG_COLUMNS,
      orderBy: { id: "asc" },
      take,
    });
  }
}

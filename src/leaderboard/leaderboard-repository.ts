// The aggregates behind the leaderboards, computed in the database for a page of branches at a
// time, so a whole city (tens of thousands of branches, millions of attendances) is a few queries
// a page rather than a few queries a branch.
import { yieldToLoop } from "../core/yield-to-loop.js";
import { Prisma, type Tx } from "../db/database.js";
import { PAGE, type RawSql } from "../db/raw-sql.js";
import { type BranchScope, inScope } from "./branch-scope.js";

export interface MemberCount {
  memberId: string;
  organizationId: string;
  type: string;
  n: number;
}

/**
 * One row per volunteer sign-up served (its minutes) and per wish confirmed (one wish) by members of
 * the branches in a period — wherever the work was done. Summed per member by `serviceTotals` and
 * by the evaluation.
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

/** The same columns for raw reads. */
/** Organisations read per query when the whole tree is read. */
const ORG_PAGE = 5000;

const ORG_SQL = Prisma.raw(
  'o."id" AS "id", o."code" AS "code", o."kind" AS "kind", o."name" AS "name", o."parentId" AS "parentId", o."settings" AS "settings", o."timeZone" AS "timeZone"',
);

export interface OrgRow {
  id: string;
  code: string;
  kind: string;
  name: string;
  parentId: string | null;
  settings: string;
  timeZone: string | null;
}

export class LeaderboardRepository {
  constructor(
    private readonly db: Tx,
    /** The board's reads: the driver's outside transactions (see RawSql). */
    private readonly raw: RawSql,
  ) {}

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

  /** The branches' meetings in a range, for their obligations (raw: a city reads 150,000). */
  async meetings(scope: BranchScope, from: Date, to: Date) {
    if (scope.ids.length === 0) return [];
    const rows = await this.raw.query<{
      organizationId: string;
      groupId: string | null;
      type: string;
      status: string;
      startsAt: Date | string;
    }>(
      Prisma.sql`
      SELECT m."organizationId" AS "organizationId", m."groupId" AS "groupId", m."type" AS "type",
        m."status" AS "status", m."startsAt" AS "startsAt"
      FROM "Meeting" m
      WHERE ${inScope('m."organizationId"', scope)} AND m."startsAt" >= ${from} AND m."startsAt" < ${to}`,
      PAGE,
    );
    return rows.map((r) => ({ ...r, startsAt: new Date(r.startsAt) }));
  }

  members(branchIds: string[]) {
    return this.db.member.findMany({
      where: { organizationId: { in: branchIds }, state: "active" },
      select: { id: true, name: true, organizationId: true },
      orderBy: { createdAt: "asc" },
    });
  }

  /**
   * Every organisation's place in the tree and settings, to resolve inherited settings in memory
   * (raw: a city has 30,000 and the model query costs four times as much CPU). In the database's
   * order of ids, so that a run of branches in it is a range the page queries can name (BranchScope).
   */
  async organizations(pageSize = ORG_PAGE): Promise<OrgRow[]> {
    // A page at a time, with a turn of the event loop between pages: SQLite answers on this thread,
    // and a city's 30,000 rows at once held it for tens of milliseconds.
    const all: OrgRow[] = [];
    for (;;) {
      const after = all.at(-1)?.id;
      const page = await this.raw.query<OrgRow>(
        Prisma.sql`
        SELECT ${ORG_SQL} FROM "Organization" o ${after === undefined ? Prisma.empty : Prisma.sql`WHERE o."id" > ${after}`}
        ORDER BY o."id" LIMIT ${pageSize}`,
        PAGE,
      );
      for (const row of page) all.push(row);
      if (page.length < pageSize) return all;
      await yieldToLoop();
    }
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
}

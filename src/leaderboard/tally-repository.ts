// Per-member yearly tallies of the closed record (attendance per meeting type, service), so the
// weekly board of a city reads a row per member instead of a year of attendance lines. A branch-
// year's tallies are always recomputed from the record as a whole — never incremented — under a
// lock on its TallyYear row: idempotent, and two meetings of a branch closing at once cannot lose
// each other's counts (the second recompute waits, then sees the first one's commit).

import { Prisma, type PrismaDb, type Tx } from "../db/database.js";
import { PAGE, type RawSql } from "../db/raw-sql.js";
import type { MeetingType } from "../meetings/meeting-types.js";
import { type BranchScope, inScope } from "./branch-scope.js";

/** The tally column for each meeting type. */
export const TALLY_COLUMNS: Record<MeetingType, string> = {
  general_meeting: "generalMeeting",
  committee_meeting: "committeeMeeting",
  group_meeting: "groupMeeting",
  party_lesson: "partyLesson",
  theme_day: "themeDay",
  life_meeting: "lifeMeeting",
  other: "other",
};

const TYPES = Object.keys(TALLY_COLUMNS) as MeetingType[];
const col = (type: MeetingType) => Prisma.raw(`"${TALLY_COLUMNS[type]}"`);

export interface MemberTally {
  organizationId: string;
  memberId: string;
  expected: number;
  attended: number;
  /** Meetings attended per type. */
  byType: Record<MeetingType, number>;
  serviceMinutes: number;
  wishes: number;
}

export interface PointsSql {
  perMeeting: number;
  caps: Record<string, number>;
  perServiceHour: number;
  perWish: number;
}

/** A year of one set of branches, as UTC instants (the branches share a time zone's year). */
export interface TallyYearRange {
  year: number;
  start: Date;
  end: Date;
}

export class TallyRepository {
  constructor(
    private readonly db: Tx,
    /** The board's reads: the driver's outside transactions (see RawSql). */
    private readonly raw: RawSql,
  ) {}

  /** Of these branches, those whose tallies for the year are computed. */
  async computed(scope: BranchScope, year: number): Promise<Set<string>> {
    if (scope.ids.length === 0) return new Set();
    const rows = await this.raw.query<{ organizationId: string }>(
      Prisma.sql`
      SELECT t."organizationId" AS "organizationId" FROM "TallyYear" t
      WHERE t."year" = ${year} AND ${inScope('t."organizationId"', scope)}`,
      PAGE,
    );
    return new Set(rows.map((r) => r.organizationId));
  }

  /**
   * Recomputes the branches' tallies for a year from the closed meetings and the recorded service,
   * in one transaction holding their TallyYear rows (the caller's, or one of its own).
   */
  async refresh(branchIds: string[], range: TallyYearRange, now: Date): Promise<void> {
    if (branchIds.length === 0) return;
    // A fixed order, so two transactions locking overlapping sets cannot deadlock.
    const ids = [...new Set(branchIds)].sort();
    const work = async (db: Tx) => {
      await db.$executeRaw`
        INSERT INTO "TallyYear" ("organizationId", "year", "refreshedAt")
        VALUES ${Prisma.join(ids.map((id) => Prisma.sql`(${id}, ${range.year}, ${now})`))}
        ON CONFLICT ("organizationId", "year") DO UPDATE SET "refreshedAt" = excluded."refreshedAt"`;
      await db.$executeRaw`
        DELETE FROM "MemberYearTally" WHERE "year" = ${range.year} AND "organizationId" IN (${Prisma.join(ids)})`;
      await db.$executeRaw`${insertTallies(ids, range)}`;
    };
    if ("$transaction" in this.db) await (this.db as unknown as PrismaDb).$transaction(work);
    else await work(this.db);
  }

  /** Every tally row of the branches for a year (a branch's own board ranks all its members). */
  async ofBranches(branchIds: string[], year: number): Promise<MemberTally[]> {
    if (branchIds.length === 0) return [];
    const rows = await this.db.memberYearTally.findMany({
      where: { year, organizationId: { in: branchIds } },
    });
    return rows.map((r) => ({
      organizationId: r.organizationId,
      memberId: r.memberId,
      expected: r.expected,
      attended: r.attended,
      byType: Object.fromEntries(
        TYPES.map((t) => [t, r[TALLY_COLUMNS[t] as keyof typeof r] as number]),
      ) as Record<MeetingType, number>,
      serviceMinutes: r.serviceMinutes,
      wishes: r.wishes,
    }));
  }

  /** Attendance lines and service minutes per branch for a year. */
  async branchTotals(
    scope: BranchScope,
    year: number,
  ): Promise<Map<string, { expected: number; attended: number; serviceMinutes: number }>> {
    if (scope.ids.length === 0) return new Map();
    const rows = await this.raw.query<{
      organizationId: string;
      expected: number | bigint;
      attended: number | bigint;
      serviceMinutes: number | bigint;
    }>(
      Prisma.sql`
      SELECT t."organizationId" AS "organizationId", CAST(SUM(t."expected") AS INTEGER) AS "expected",
        CAST(SUM(t."attended") AS INTEGER) AS "attended", CAST(SUM(t."serviceMinutes") AS INTEGER) AS "serviceMinutes"
      FROM "MemberYearTally" t
      WHERE t."year" = ${year} AND ${inScope('t."organizationId"', scope)}
      GROUP BY t."organizationId"`,
      PAGE,
    );
    return new Map(
      rows.map((r) => [
        r.organizationId,
        {
          expected: Number(r.expected),
          attended: Number(r.attended),
          serviceMinutes: Number(r.serviceMinutes),
        },
      ]),
    );
  }

  /**
   * The top of each branch's ranking of its active members, computed in the database from the
   * tallies: points per type capped per year, plus service; only ranks up to `top` with points.
   */
  async topScores(
    scope: BranchScope,
    year: number,
    rules: PointsSql,
    top: number,
    provider: "sqlite" | "postgresql",
  ): Promise<Map<string, () => RankedTally[]>> {
    if (scope.ids.length === 0) return new Map();
    const least = Prisma.raw(provider === "sqlite" ? "MIN" : "LEAST");
    const points = Prisma.join(
      [
        ...TYPES.map((type) => {
          const cap = rules.caps[type];
          return cap === undefined
            ? Prisma.sql`t.${col(type)} * ${rules.perMeeting}`
            : Prisma.sql`${least}(t.${col(type)} * ${rules.perMeeting}, ${cap})`;
        }),
        Prisma.sql`(t."serviceMinutes" / 60) * ${rules.perServiceHour}`,
        Prisma.sql`t."wishes" * ${rules.perWish}`,
      ],
      " + ",
    );
    // One row per branch with its top as one string: a city's page has thousands of top entries
    // (ties share a rank), and a row through the client costs far more than splitting its share of
    // one string. Fields and entries are split on control characters a name cannot keep (they are
    // taken out of it here); JSON of Chinese names parsed three times slower than this.
    const name = Prisma.sql`REPLACE(REPLACE(r."name", ${UNIT}, ''), ${RECORD}, '')`;
    const entry = Prisma.sql`r."memberId" || ${UNIT} || ${name} || ${UNIT} || CAST(r."points" AS TEXT) || ${UNIT} || CAST(r."rank" AS TEXT)`;
    const topList =
      provider === "sqlite"
        ? Prisma.sql`group_concat(${entry}, ${RECORD})`
        : Prisma.sql`string_agg(${entry}, ${RECORD})`;
    const rows = await this.raw.query<{ organizationId: string; top: string }>(
      Prisma.sql`
      SELECT r."organizationId" AS "organizationId", ${topList} AS "top"
      FROM (
        SELECT p.*, RANK() OVER (PARTITION BY p."organizationId" ORDER BY p."points" DESC) AS "rank"
        FROM (
          SELECT t."organizationId" AS "organizationId", t."memberId" AS "memberId", mb."name" AS "name", ${points} AS "points"
          FROM "MemberYearTally" t
            JOIN "Member" mb ON mb."id" = t."memberId" AND mb."organizationId" = t."organizationId"
          WHERE t."year" = ${year} AND ${inScope('t."organizationId"', scope)}
            -- Said of the members too, or PostgreSQL hashes the whole Member table for each page.
            AND ${inScope('mb."organizationId"', scope)} AND mb."state" = 'active'
        ) p
      ) r
      WHERE r."rank" <= ${top} AND r."points" > 0
      GROUP BY r."organizationId"`,
      PAGE,
    );
    // Split when a board is built, not all at once here: a page's thousands of entries split in
    // one go held the event loop for tens of milliseconds (the board's loop yields between branches).
    return new Map(rows.map((row) => [row.organizationId, () => topEntries(row.top)]));
  }
}

/** Separators of a top list's fields and entries (ASCII unit and record separators). */
const UNIT = "\u001f";
const RECORD = "\u001e";

function topEntries(list: string): RankedTally[] {
  return list.split(RECORD).map((entry) => {
    const [memberId = "", name = "", points, rank] = entry.split(UNIT);
    return { item: { memberId, name, points: Number(points) }, rank: Number(rank) };
  });
}

/** One entry of a branch's top list, as the database builds it. */
export interface RankedTally {
  item: { memberId: string; name: string; points: number };
  rank: number;
}

/**
 * The tallies of a set of branches for a year, from the record: each closed meeting's attendance
 * line under the meeting's branch, and each member's volunteer minutes and confirmed wishes under
 * the member's branch, wherever the work was done.
 */
function insertTallies(ids: string[], range: TallyYearRange): Prisma.Sql {
  const zeros = TYPES.map(() => Prisma.sql`0`);
  const attendedAs = TYPES.map(
    (type) =>
      Prisma.sql`CASE WHEN m."type" = ${type} AND a."outcome" IN ('present', 'late') THEN 1 ELSE 0 END`,
  );
  const sums = TYPES.map((type) => Prisma.sql`CAST(SUM(x.${col(type)}) AS INTEGER)`);
  const columns = Prisma.join(TYPES.map(col));
  const as = (parts: Prisma.Sql[]) =>
    Prisma.join(parts.map((p, i) => Prisma.sql`${p} AS ${col(TYPES[i] as MeetingType)}`));
  return Prisma.sql`
    INSERT INTO "MemberYearTally" ("organizationId", "year", "memberId", "expected", "attended", ${columns}, "serviceMinutes", "wishes")
    SELECT x."organizationId", CAST(${range.year} AS INTEGER), x."memberId", CAST(SUM(x."expected") AS INTEGER),
      CAST(SUM(x."attended") AS INTEGER), ${Prisma.join(sums)},
      CAST(SUM(x."serviceMinutes") AS INTEGER), CAST(SUM(x."wishes") AS INTEGER)
    FROM (
      SELECT m."organizationId" AS "organizationId", a."memberId" AS "memberId", 1 AS "expected",
        CASE WHEN a."outcome" IN ('present', 'late') THEN 1 ELSE 0 END AS "attended", ${as(attendedAs)},
        0 AS "serviceMinutes", 0 AS "wishes"
      FROM "MeetingAttendee" a JOIN "Meeting" m ON m."id" = a."meetingId"
      WHERE m."organizationId" IN (${Prisma.join(ids)}) AND m."status" = 'closed'
        AND m."startsAt" >= ${range.start} AND m."startsAt" < ${range.end}
      UNION ALL
      SELECT mb."organizationId", mb."id", 0, 0, ${Prisma.join(zeros)}, vs."minutes", 0
      FROM "VolunteerSignup" vs JOIN "VolunteerActivity" va ON va."id" = vs."activityId"
        JOIN "Member" mb ON mb."id" = vs."memberId"
      WHERE mb."organizationId" IN (${Prisma.join(ids)}) AND vs."minutes" IS NOT NULL
        AND va."startsAt" >= ${range.start} AND va."startsAt" < ${range.end}
      UNION ALL
      SELECT mb."organizationId", mb."id", 0, 0, ${Prisma.join(zeros)}, 0, 1
      FROM "MicroWish" w JOIN "Member" mb ON mb."id" = w."claimedById"
      WHERE mb."organizationId" IN (${Prisma.join(ids)}) AND w."status" = 'confirmed'
        AND w."confirmedAt" >= ${range.start} AND w."confirmedAt" < ${range.end}
    ) x
    GROUP BY x."organizationId", x."memberId"`;
}

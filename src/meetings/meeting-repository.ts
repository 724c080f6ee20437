// Persistence of meetings themselves: the Meeting table. Responses, check-ins and the frozen ledger
// are in attendance-repository.ts, leave requests in leave-repository.ts.
import { Prisma, type Tx } from "../db/database.js";
import type { RawSql } from "../db/raw-sql.js";
import type { MemberRecord } from "../membership/member-repository.js";

export type MeetingRecord = Prisma.MeetingGetPayload<object>;

interface MemberColumns {
  member_id: string | null;
  member_code: string | null;
  member_name: string | null;
  member_status: string | null;
  member_joinedPartyOn: string | null;
  member_phone: string | null;
  member_state: string | null;
  member_groupId: string | null;
  member_exemptReason: string | null;
}

/** How long after its start a meeting not yet closed is still listed as under way. */
const UNDER_WAY_MS = 24 * 3_600_000;

export class MeetingRepository {
  constructor(
    private readonly db: Tx,
    private readonly raw: RawSql,
  ) {}

  create(data: Prisma.MeetingUncheckedCreateInput): Promise<MeetingRecord> {
    return this.db.meeting.create({ data });
  }

  /** Raw: every check-in and answer to an announcement looks its meeting up by code. */
  async findByCode(code: string): Promise<MeetingRecord | null> {
    const rows = await this.db.$queryRaw<MeetingRecord[]>`SELECT * FROM "Meeting" WHERE "code" = ${code}`;
    return rows[0] ?? null;
  }

  /**
   * The meeting with the person's active membership in its branch (null when they have none), in
   * one query: check-ins, answers and leave requests all start here.
   */
  async findByCodeWithMember(
    code: string,
    personId: string,
  ): Promise<{ meeting: MeetingRecord; member: MemberRecord | null } | null> {
    const rows = await this.raw.query<MeetingRecord & MemberColumns>(Prisma.sql`
      SELECT m.*, b."id" AS "member_id", b."code" AS "member_code", b."name" AS "member_name",
             b."status" AS "member_status", b."joinedPartyOn" AS "member_joinedPartyOn",
             b."phone" AS "member_phone", b."state" AS "member_state", b."groupId" AS "member_groupId", b."exemptReason" AS "member_exemptReason"
      FROM "Meeting" m
      LEFT JOIN "Member" b
        ON b."organizationId" = m."organizationId" AND b."personId" = ${personId} AND b."state" = 'active'
      WHERE m."code" = ${code}
      ORDER BY b."createdAt" LIMIT 1`);
    const [row] = rows;
    if (!row) return null;
    const {
      member_id,
      member_code,
      member_name,
      member_status,
      member_joinedPartyOn,
      member_phone,
      member_state,
      member_groupId,
      member_exemptReason,
      ...meeting
    } = row;
    const member: MemberRecord | null =
      member_id && member_code && member_name && member_status && member_state
        ? {
            id: member_id,
            code: member_code,
            name: member_name,
            status: member_status,
            joinedPartyOn: member_joinedPartyOn,
            phone: member_phone,
            state: member_state,
            organizationId: meeting.organizationId,
            groupId: member_groupId,
            personId,
            exemptReason: member_exemptReason,
          }
        : null;
    return { meeting, member };
  }

  findById(id: string): Promise<MeetingRecord | null> {
    return this.db.meeting.findUnique({ where: { id } });
  }

  async codeTaken(code: string): Promise<boolean> {
    return (await this.db.meeting.count({ where: { code } })) > 0;
  }

  update(id: string, data: Prisma.MeetingUncheckedUpdateInput): Promise<MeetingRecord> {
    return this.db.meeting.update({ where: { id }, data });
  }

  /**
   * Meetings still to come or under way: scheduled (not yet closed or cancelled) and starting
   * after `from`, or started less than a day before it.
   */
  upcoming(organizationIds: string[], from: Date, take: number): Promise<MeetingRecord[]> {
    const underWaySince = new Date(from.getTime() - UNDER_WAY_MS);
    return this.db.meeting.findMany({
      where: {
        organizationId: { in: organizationIds },
        status: "scheduled",
        startsAt: { gte: underWaySince },
      },
      orderBy: { startsAt: "asc" },
      take,
    });
  }

  /** The places of an organisation's latest meetings held in person, newest first. */
  async recentPlaces(organizationId: string, take: number): Promise<string[]> {
    const rows = await this.db.meeting.findMany({
      where: { organizationId, online: false, status: { not: "cancelled" } },
      orderBy: { startsAt: "desc" },
      select: { place: true },
      take,
    });
    return rows.map((r) => r.place);
  }

  /** Scheduled meetings of every organisation starting in (from, to]. */
  startingIn(from: Date, to: Date): Promise<MeetingRecord[]> {
    return this.db.meeting.findMany({
      where: { status: "scheduled", startsAt: { gt: from, lte: to } },
      orderBy: { startsAt: "asc" },
    });
  }

  between(organizationId: string, from: Date, to: Date): Promise<MeetingRecord[]> {
    return this.db.meeting.findMany({
      where: { organizationId, startsAt: { gte: from, lt: to } },
      orderBy: { startsAt: "asc" },
    });
  }

  /** The meetings of many branches in a period, each with its frozen 应到/实到 once closed. */
  async inBranchesBetween(
    organizationIds: string[],
    from: Date,
    to: Date,
  ): Promise<(MeetingRecord & { expected: number | null; present: number | null })[]> {
    if (organizationIds.length === 0) return [];
    const [meetings, totals] = await Promise.all([
      this.db.meeting.findMany({
        where: { organizationId: { in: organizationIds }, startsAt: { gte: from, lt: to } },
        orderBy: [{ organizationId: "asc" }, { startsAt: "asc" }],
      }),
      this.db.$queryRaw<{ meetingId: string; expected: number | bigint; present: number | bigint }[]>`
        SELECT a."meetingId" AS "meetingId", CAST(COUNT(*) AS INTEGER) AS "expected",
          CAST(SUM(CASE WHEN a."outcome" IN ('present', 'late') THEN 1 ELSE 0 END) AS INTEGER) AS "present"
        FROM "MeetingAttendee" a JOIN "Meeting" m ON m."id" = a."meetingId"
        WHERE m."organizationId" IN (${Prisma.join(organizationIds)})
          AND m."startsAt" >= ${from} AND m."startsAt" < ${to}
        GROUP BY a."meetingId"`,
    ]);
    const byMeeting = new Map(totals.map((t) => [t.meetingId, t]));
    return meetings.map((m) => {
      const t = byMeeting.get(m.id);
      return { ...m, expected: t ? Number(t.expected) : null, present: t ? Number(t.present) : null };
    });
  }
}

// Persistence of meetings and everything that happens around them.
import { Prisma, type Tx } from "../db/database.js";
import { ONCE, type RawSql } from "../db/raw-sql.js";
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

  upcoming(organizationIds: string[], from: Date, take: number): Promise<MeetingRecord[]> {
    return this.db.meeting.findMany({
      where: { organizationId: { in: organizationIds }, status: "scheduled", startsAt: { gte: from } },
      orderBy: { startsAt: "asc" },
      take,
    });
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

  // Responses, check-ins, leave.

  async respond(meetingId: string, memberId: string, response: string, at: Date): Promise<void> {
    await this.db.meetingResponse.upsert({
      where: { meetingId_memberId: { meetingId, memberId } },
      create: { meetingId, memberId, response, at },
      update: { response, at },
    });
  }

  findCheckIn(meetingId: string, memberId: string) {
    return this.db.checkIn.findUnique({ where: { meetingId_memberId: { meetingId, memberId } } });
  }

  /**
   * Records the check-in unless the member already has one; false then. A second tap racing the
   * first waits for it on the primary key and then inserts nothing.
   */
  async checkIn(data: {
    meetingId: string;
    memberId: string;
    at: Date;
    late: boolean;
    via: string;
  }): Promise<boolean> {
    // Only while the meeting is still scheduled: the check-in is one statement outside any
    // transaction on PostgreSQL, and must not slip in after the meeting was closed or cancelled.
    const inserted = await this.raw.execute(Prisma.sql`
      INSERT INTO "CheckIn" ("meetingId", "memberId", "at", "late", "via")
      SELECT ${data.meetingId}, ${data.memberId}, ${data.at}, ${data.late}, ${data.via}
      WHERE EXISTS (SELECT 1 FROM "Meeting" m WHERE m."id" = ${data.meetingId} AND m."status" = 'scheduled')
      ON CONFLICT ("meetingId", "memberId") DO NOTHING`);
    return inserted > 0;
  }

  checkIns(meetingId: string) {
    return this.db.checkIn.findMany({ where: { meetingId }, orderBy: { at: "asc" } });
  }

  async counts(meetingId: string): Promise<{ attending: number; leave: number; checkedIn: number }> {
    const [attending, leave, checkedIn] = await Promise.all([
      this.db.meetingResponse.count({ where: { meetingId, response: "attend" } }),
      this.db.leaveRequest.count({ where: { meetingId, status: { in: ["pending", "approved"] } } }),
      this.db.checkIn.count({ where: { meetingId } }),
    ]);
    return { attending, leave, checkedIn };
  }

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

  // Absence notes and the frozen ledger.

  async putAbsenceNote(data: {
    meetingId: string;
    memberId: string;
    reason: string;
    note: string | null;
    at: Date;
  }) {
    await this.db.absenceNote.upsert({
      where: { meetingId_memberId: { meetingId: data.meetingId, memberId: data.memberId } },
      create: data,
      update: { reason: data.reason, note: data.note, at: data.at },
    });
  }

  absenceNotes(meetingId: string) {
    return this.db.absenceNote.findMany({ where: { meetingId } });
  }

  async freezeAttendees(rows: Prisma.MeetingAttendeeCreateManyInput[]): Promise<void> {
    if (rows.length > 0) await this.db.meetingAttendee.createMany({ data: rows });
  }

  attendees(meetingId: string) {
    return this.db.meetingAttendee.findMany({ where: { meetingId } });
  }

  /** The frozen ledgers' lines of many meetings in one plain query (a period's 台账). */
  async attendeesOf(meetingIds: string[]) {
    if (meetingIds.length === 0) return [];
    const rows = await this.raw.query<{
      meetingId: string;
      memberId: string;
      name: string;
      voting: boolean | number;
      outcome: string;
      reason: string | null;
      note: string | null;
    }>(
      Prisma.sql`SELECT "meetingId", "memberId", "name", "voting", "outcome", "reason", "note"
        FROM "MeetingAttendee" WHERE "meetingId" IN (${Prisma.join(meetingIds)})`,
      ONCE,
    );
    // SQLite keeps booleans as 1 and 0.
    return rows.map((r) => ({ ...r, voting: Boolean(r.voting) }));
  }

  async updateAttendee(
    meetingId: string,
    memberId: string,
    data: { reason?: string; note?: string | null; outcome?: string },
  ) {
    await this.db.meetingAttendee.update({ where: { meetingId_memberId: { meetingId, memberId } }, data });
  }

  /**
   * Every line of the frozen ledgers of a branch's meetings between two instants: a year of a
   * large branch is ten thousand lines, read in one plain query rather than through the ORM.
   */
  async attendanceOfBranch(organizationId: string, from: Date, to: Date) {
    const rows = await this.raw.query<{
      memberId: string;
      name: string;
      outcome: string;
      reason: string | null;
      startsAt: Date | string;
      type: string;
    }>(
      Prisma.sql`SELECT a."memberId", a."name", a."outcome", a."reason", m."startsAt", m."type"
        FROM "MeetingAttendee" a JOIN "Meeting" m ON m."id" = a."meetingId"
        WHERE m."organizationId" = ${organizationId} AND m."status" = 'closed'
          AND m."startsAt" >= ${from} AND m."startsAt" < ${to}`,
      ONCE,
    );
    // ONCE reads give SQLite's instants as text.
    return rows.map((r) => ({
      memberId: r.memberId,
      name: r.name,
      outcome: r.outcome,
      reason: r.reason,
      meeting: { startsAt: new Date(r.startsAt), type: r.type },
    }));
  }

  /** A member's lines in the frozen ledgers of meetings between two instants. */
  attendanceOf(memberId: string, from: Date, to: Date) {
    return this.db.meetingAttendee.findMany({
      where: { memberId, meeting: { startsAt: { gte: from, lt: to }, status: "closed" } },
      include: { meeting: { select: { type: true, startsAt: true, topic: true } } },
    });
  }
}

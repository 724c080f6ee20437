// Persistence of who comes: answers to an announcement, check-ins, absence notes and the ledger
// frozen when a meeting closes.
import { Prisma, type Tx } from "../db/database.js";
import { ONCE, type RawSql } from "../db/raw-sql.js";

/** A member's own answer to a meeting, the latest that counts: a check-in outranks a leave. */
export type MeetingAnswer = "attending" | "leave_pending" | "leave_approved" | "checked_in";

export class AttendanceRepository {
  constructor(
    private readonly db: Tx,
    private readonly raw: RawSql,
  ) {}

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

  /**
   * What one member has answered for each of these meetings: checked in, leave asked (pending or
   * approved), or coming; meetings without an answer are left out.
   */
  async answersOf(memberId: string, meetingIds: string[]): Promise<Map<string, MeetingAnswer>> {
    if (meetingIds.length === 0) return new Map();
    const where = { memberId, meetingId: { in: meetingIds } };
    const [responses, leaves, checkIns] = await Promise.all([
      this.db.meetingResponse.findMany({
        where: { ...where, response: "attend" },
        select: { meetingId: true },
      }),
      this.db.leaveRequest.findMany({
        where: { ...where, status: { in: ["pending", "approved"] } },
        select: { meetingId: true, status: true },
      }),
      this.db.checkIn.findMany({ where, select: { meetingId: true } }),
    ]);
    const answers = new Map<string, MeetingAnswer>();
    for (const r of responses) answers.set(r.meetingId, "attending");
    for (const l of leaves)
      answers.set(l.meetingId, l.status === "approved" ? "leave_approved" : "leave_pending");
    for (const c of checkIns) answers.set(c.meetingId, "checked_in");
    return answers;
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

// Persistence of volunteer activities, micro-wishes and household links.
import type { Prisma, Tx } from "../db/database.js";

export type ActivityRecord = Prisma.VolunteerActivityGetPayload<object>;
export type SignupRecord = Prisma.VolunteerSignupGetPayload<object>;
export type WishRecord = Prisma.MicroWishGetPayload<object>;
export type HouseholdRecord = Prisma.HouseholdGetPayload<object>;

export class CommunityRepository {
  constructor(private readonly db: Tx) {}

  async codeTaken(code: string): Promise<boolean> {
    const [a, w, h] = await Promise.all([
      this.db.volunteerActivity.count({ where: { code } }),
      this.db.microWish.count({ where: { code } }),
      this.db.household.count({ where: { code } }),
    ]);
    return a + w + h > 0;
  }

  // Volunteer activities.

  createActivity(data: Prisma.VolunteerActivityUncheckedCreateInput): Promise<ActivityRecord> {
    return this.db.volunteerActivity.create({ data });
  }

  activityByCode(code: string): Promise<ActivityRecord | null> {
    return this.db.volunteerActivity.findUnique({ where: { code } });
  }

  upcomingActivities(organizationIds: string[], now: Date, take = 20): Promise<ActivityRecord[]> {
    return this.db.volunteerActivity.findMany({
      where: { organizationId: { in: organizationIds }, status: "open", endsAt: { gt: now } },
      orderBy: { startsAt: "asc" },
      take,
    });
  }

  activitiesStartingBetween(from: Date, to: Date): Promise<ActivityRecord[]> {
    return this.db.volunteerActivity.findMany({
      where: { status: "open", startsAt: { gte: from, lt: to } },
      orderBy: { startsAt: "asc" },
    });
  }

  /** Takes a place if one is left; false when the activity is full. One statement: no race. */
  async takePlace(activityId: string): Promise<boolean> {
    const taken = await this.db.$executeRaw`
      UPDATE "VolunteerActivity" SET "signedUp" = "signedUp" + 1
      WHERE "id" = ${activityId} AND "signedUp" < "capacity"`;
    return taken === 1;
  }

  async releasePlace(activityId: string): Promise<void> {
    await this.db.volunteerActivity.update({
      where: { id: activityId },
      data: { signedUp: { decrement: 1 } },
    });
  }

  signup(activityId: string, memberId: string): Promise<SignupRecord | null> {
    return this.db.volunteerSignup.findUnique({ where: { activityId_memberId: { activityId, memberId } } });
  }

  async addSignup(activityId: string, memberId: string, at: Date): Promise<void> {
    await this.db.volunteerSignup.create({ data: { activityId, memberId, signedUpAt: at } });
  }

  async removeSignup(activityId: string, memberId: string): Promise<void> {
    await this.db.volunteerSignup.delete({ where: { activityId_memberId: { activityId, memberId } } });
  }

  async updateSignup(
    activityId: string,
    memberId: string,
    data: Prisma.VolunteerSignupUncheckedUpdateInput,
  ): Promise<void> {
    await this.db.volunteerSignup.update({ where: { activityId_memberId: { activityId, memberId } }, data });
  }

  signupsOf(activityId: string) {
    return this.db.volunteerSignup.findMany({
      where: { activityId },
      include: { member: { select: { name: true, personId: true } } },
      orderBy: { signedUpAt: "asc" },
    });
  }

  /** Served minutes per member over a period (activities that started in it). */
  async servedMinutes(memberIds: string[], from: Date, to: Date): Promise<Map<string, number>> {
    if (memberIds.length === 0) return new Map();
    const rows = await this.db.volunteerSignup.findMany({
      where: {
        memberId: { in: memberIds },
        minutes: { not: null },
        activity: { startsAt: { gte: from, lt: to } },
      },
      select: { memberId: true, minutes: true },
    });
    const total = new Map<string, number>();
    for (const r of rows) total.set(r.memberId, (total.get(r.memberId) ?? 0) + (r.minutes ?? 0));
    return total;
  }

  /** Who served in an organisation's activities over a period, wherever they belong. */
  participantsOf(organizationId: string, from: Date, to: Date) {
    return this.db.volunteerSignup.findMany({
      where: { minutes: { not: null }, activity: { organizationId, startsAt: { gte: from, lt: to } } },
      select: {
        minutes: true,
        member: { select: { id: true, name: true, organizationId: true } },
        activity: { select: { title: true } },
      },
    });
  }

  pendingReminders(activityId: string) {
    return this.db.volunteerSignup.findMany({
      where: { activityId, remindedAt: null },
      include: { member: { select: { personId: true, name: true } } },
    });
  }

  // Micro-wishes.

  createWish(data: Prisma.MicroWishUncheckedCreateInput): Promise<WishRecord> {
    return this.db.microWish.create({ data });
  }

  wishByCode(code: string): Promise<WishRecord | null> {
    return this.db.microWish.findUnique({ where: { code } });
  }

  wishBoard(organizationIds: string[]): Promise<WishRecord[]> {
    return this.db.microWish.findMany({
      where: { organizationId: { in: organizationIds }, status: { in: ["open", "claimed", "fulfilled"] } },
      orderBy: { createdAt: "asc" },
      take: 30,
    });
  }

  /**
   * Claims an open wish for a member. One conditional UPDATE: when two members press 认领 at the
   * same moment, exactly one row changes and the other is told it has been taken.
   */
  async claimWish(id: string, memberId: string, at: Date, dueAt: Date): Promise<boolean> {
    const { count } = await this.db.microWish.updateMany({
      where: { id, status: "open" },
      data: {
        status: "claimed",
        claimedById: memberId,
        claimedAt: at,
        claimDueAt: dueAt,
        claimRemindedAt: null,
      },
    });
    return count === 1;
  }

  async updateWish(id: string, data: Prisma.MicroWishUncheckedUpdateInput): Promise<WishRecord> {
    return this.db.microWish.update({ where: { id }, data });
  }

  /** Puts a lapsed claim back on the board, unless it moved on meanwhile. */
  async releaseClaim(id: string, memberId: string): Promise<boolean> {
    const { count } = await this.db.microWish.updateMany({
      where: { id, status: "claimed", claimedById: memberId },
      data: {
        status: "open",
        claimedById: null,
        claimedAt: null,
        claimDueAt: null,
        claimRemindedAt: null,
        releases: { increment: 1 },
      },
    });
    return count === 1;
  }

  claimsDueBy(before: Date): Promise<WishRecord[]> {
    return this.db.microWish.findMany({
      where: { status: "claimed", claimDueAt: { lt: before } },
      orderBy: { claimDueAt: "asc" },
    });
  }

  async wishCounts(organizationIds: string[]): Promise<Map<string, number>> {
    if (organizationIds.length === 0) return new Map();
    const rows = await this.db.microWish.groupBy({
      by: ["status"],
      where: { organizationId: { in: organizationIds } },
      _count: { _all: true },
    });
    return new Map(rows.map((r) => [r.status, r._count._all]));
  }

  async confirmedWishes(memberIds: string[], from: Date, to: Date): Promise<Map<string, number>> {
    if (memberIds.length === 0) return new Map();
    const rows = await this.db.microWish.groupBy({
      by: ["claimedById"],
      where: { claimedById: { in: memberIds }, status: "confirmed", confirmedAt: { gte: from, lt: to } },
      _count: { _all: true },
    });
    return new Map(rows.flatMap((r) => (r.claimedById ? [[r.claimedById, r._count._all] as const] : [])));
  }

  // Households (1+10).

  createHousehold(data: { code: string; memberId: string; label: string; createdAt: Date }) {
    return this.db.household.create({ data });
  }

  householdByCode(code: string): Promise<HouseholdRecord | null> {
    return this.db.household.findUnique({ where: { code } });
  }

  async addVisit(householdId: string, at: Date, note: string): Promise<void> {
    await this.db.householdVisit.create({ data: { householdId, at, note } });
  }

  householdsOf(memberIds: string[]) {
    return this.db.household.findMany({
      where: { memberId: { in: memberIds } },
      include: { visits: { orderBy: { at: "desc" }, take: 1 } },
      orderBy: { createdAt: "asc" },
    });
  }
}

// Volunteer activities: posted by a branch or community secretary; members (and in-service
// members registered there) sign up within the places, check in and out, and their time counts.

import { DateTime } from "luxon";
import { DomainError } from "../core/domain-error.js";
import { shortCode } from "../core/short-code.js";
import { periodOf } from "../meetings/periods.js";
import type { OrgRecord } from "../organization/organization-repository.js";
import type { ActivityRecord, CommunityRepository } from "./community-repository.js";
import { servedMinutes } from "./community-rules.js";
import type { CommunityWork } from "./community-work.js";

/** Check-in opens this long before an activity starts. */
const CHECK_IN_OPENS_MS = 30 * 60_000;

export interface NewActivity {
  title: string;
  place: string;
  startsAt: Date;
  minutes: number;
  capacity: number;
}

export class VolunteerService {
  constructor(private readonly work: CommunityWork) {}

  async post(actorId: string, org: OrgRecord, input: NewActivity, now: Date): Promise<ActivityRecord> {
    await this.work.access.require(actorId, org.id, "secretary");
    if (input.startsAt <= now) throw new DomainError("community.inThePast");
    return this.work.repo.createActivity({
      code: await newCode(this.work.repo, "V"),
      organizationId: org.id,
      title: input.title,
      place: input.place,
      startsAt: input.startsAt,
      endsAt: new Date(input.startsAt.getTime() + input.minutes * 60_000),
      capacity: input.capacity,
      createdById: actorId,
      createdAt: now,
    });
  }

  upcoming(organizationIds: string[], now: Date): Promise<ActivityRecord[]> {
    return this.work.repo.upcomingActivities(organizationIds, now);
  }

  async signUp(personId: string, code: string, now: Date) {
    const activity = await this.#open(code, now);
    const member = await this.work.participation.memberFor(personId, activity.organizationId);
    if (await this.work.repo.signup(activity.id, member.id)) return { activity, member, already: true };
    if (!(await this.work.repo.takePlace(activity.id))) throw new DomainError("community.full", { code });
    await this.work.repo.addSignup(activity.id, member.id, now);
    return { activity: { ...activity, signedUp: activity.signedUp + 1 }, member, already: false };
  }

  async cancel(personId: string, code: string, now: Date) {
    const activity = await this.#open(code, now);
    const member = await this.work.participation.memberFor(personId, activity.organizationId);
    const signup = await this.work.repo.signup(activity.id, member.id);
    if (!signup) throw new DomainError("community.notSignedUp", { code });
    if (signup.checkedInAt) throw new DomainError("community.alreadyServing", { code });
    await this.work.repo.removeSignup(activity.id, member.id);
    await this.work.repo.releasePlace(activity.id);
    return { activity };
  }

  async checkIn(personId: string, code: string, now: Date) {
    const activity = await this.#byCode(code);
    const member = await this.work.participation.memberFor(personId, activity.organizationId);
    const signup = await this.work.repo.signup(activity.id, member.id);
    if (!signup) throw new DomainError("community.notSignedUp", { code });
    if (signup.checkedInAt) return { activity, at: signup.checkedInAt, already: true };
    if (now.getTime() < activity.startsAt.getTime() - CHECK_IN_OPENS_MS || now >= activity.endsAt)
      throw new DomainError("community.notNow", { code });
    await this.work.repo.updateSignup(activity.id, member.id, { checkedInAt: now });
    return { activity, at: now, already: false };
  }

  async checkOut(personId: string, code: string, now: Date) {
    const activity = await this.#byCode(code);
    const member = await this.work.participation.memberFor(personId, activity.organizationId);
    const signup = await this.work.repo.signup(activity.id, member.id);
    if (!signup?.checkedInAt) throw new DomainError("community.notCheckedIn", { code });
    if (signup.minutes !== null) return { activity, minutes: signup.minutes, already: true };
    const minutes = servedMinutes(signup.checkedInAt, now, activity);
    await this.work.repo.updateSignup(activity.id, member.id, { checkedOutAt: now, minutes });
    await this.work.tallies.touched(member.organizationId, activity.startsAt, now);
    return { activity, minutes, already: false };
  }

  /** A person's service this month, quarter and year, and wishes they fulfilled this year. */
  async myService(personId: string, now: Date, zone: string) {
    const memberships = await this.work.members.activeOf(personId);
    if (memberships.length === 0) throw new DomainError("members.notAMember");
    const ids = memberships.map((m) => m.id);
    const sum = async (kind: "month" | "quarter" | "year") => {
      const p = periodOf(now, kind, zone);
      return [...(await this.work.repo.servedMinutes(ids, p.start, p.end)).values()].reduce(
        (a, b) => a + b,
        0,
      );
    };
    const year = periodOf(now, "year", zone);
    const wishes = [...(await this.work.repo.confirmedWishes(ids, year.start, year.end)).values()].reduce(
      (a, b) => a + b,
      0,
    );
    return { month: await sum("month"), quarter: await sum("quarter"), year: await sum("year"), wishes };
  }

  /**
   * A branch's service over a period: each member's minutes wherever they served (their own
   * branch's activities or a community's), and — for a community — the in-service members from
   * other branches who served in its activities.
   */
  async report(actorId: string, org: OrgRecord, now: Date, zone: string) {
    await this.work.access.require(actorId, org.id, "committee_member");
    const period = periodOf(now, "quarter", zone);
    const roster = org.kind === "branch" ? await this.work.members.listByBranch(org.id) : [];
    const minutes = await this.work.repo.servedMinutes(
      roster.map((m) => m.id),
      period.start,
      period.end,
    );
    const own = roster
      .map((m) => ({ name: m.name, minutes: minutes.get(m.id) ?? 0 }))
      .sort((a, b) => b.minutes - a.minutes);
    const visiting = new Map<string, { name: string; branch: string; minutes: number }>();
    const branchNames = new Map<string, string>();
    for (const p of await this.work.repo.participantsOf(org.id, period.start, period.end)) {
      if (p.member.organizationId === org.id) continue;
      let branch = branchNames.get(p.member.organizationId);
      if (branch === undefined) {
        branch = (await this.work.orgs.findById(p.member.organizationId))?.name ?? "";
        branchNames.set(p.member.organizationId, branch);
      }
      const entry = visiting.get(p.member.id) ?? { name: p.member.name, branch, minutes: 0 };
      entry.minutes += p.minutes ?? 0;
      visiting.set(p.member.id, entry);
    }
    return { period, own, visiting: [...visiting.values()] };
  }

  /** Activities starting within a day, with the signed-up members not yet reminded. */
  async dueReminders(now: Date) {
    const soon = await this.work.repo.activitiesStartingBetween(
      now,
      DateTime.fromJSDate(now).plus({ hours: 24 }).toJSDate(),
    );
    const due = [];
    for (const activity of soon) {
      const pending = await this.work.repo.pendingReminders(activity.id);
      if (pending.length > 0) due.push({ activity, pending });
    }
    return due;
  }

  async markReminded(activityId: string, memberId: string, now: Date): Promise<void> {
    await this.work.repo.updateSignup(activityId, memberId, { remindedAt: now });
  }

  async #byCode(code: string): Promise<ActivityRecord> {
    const activity = await this.work.repo.activityByCode(code);
    if (!activity) throw new DomainError("community.activityNotFound", { code });
    return activity;
  }

  async #open(code: string, now: Date): Promise<ActivityRecord> {
    const activity = await this.#byCode(code);
    if (activity.status !== "open" || activity.startsAt <= now)
      throw new DomainError("community.closed", { code });
    return activity;
  }
}

export async function newCode(repo: CommunityRepository, prefix: string): Promise<string> {
  for (;;) {
    const code = `${prefix}${shortCode(4)}`;
    if (!(await repo.codeTaken(code))) return code;
  }
}

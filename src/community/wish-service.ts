// Micro-wishes (微心愿): a secretary posts a resident's small wish; a member claims it (one claimant
// at a time), fulfils it and reports back; the secretary confirms. A claim not fulfilled in time is
// released, with a reminder first. Who the resident is stays with the claimant and the secretaries.

import { DomainError } from "../core/domain-error.js";
import type { OrgRecord } from "../organization/organization-repository.js";
import { effectiveSettings } from "../organization/settings.js";
import type { WishRecord } from "./community-repository.js";
import { claimStanding } from "./community-rules.js";
import type { CommunityWork } from "./community-work.js";
import { newCode } from "./volunteer-service.js";

export class WishService {
  constructor(private readonly work: CommunityWork) {}

  async post(actorId: string, org: OrgRecord, summary: string, recipient: string, now: Date) {
    await this.work.access.require(actorId, org.id, "secretary");
    return this.work.repo.createWish({
      code: await newCode(this.work.repo, "W"),
      organizationId: org.id,
      summary,
      recipient,
      createdById: actorId,
      createdAt: now,
    });
  }

  board(organizationIds: string[]): Promise<WishRecord[]> {
    return this.work.repo.wishBoard(organizationIds);
  }

  async claim(personId: string, code: string, now: Date) {
    const wish = await this.#byCode(code);
    const member = await this.work.participation.memberFor(personId, wish.organizationId);
    if (wish.status === "claimed" && wish.claimedById === member.id)
      throw new DomainError("wishes.yoursAlready", { code });
    if (wish.status !== "open") throw new DomainError("wishes.taken", { code });
    const days = (await this.#settings(wish.organizationId))["wishes.claimDays"].value as number;
    const dueAt = new Date(now.getTime() + days * 86_400_000);
    if (!(await this.work.repo.claimWish(wish.id, member.id, now, dueAt)))
      throw new DomainError("wishes.taken", { code });
    return { wish: { ...wish, status: "claimed", claimDueAt: dueAt }, member, days };
  }

  /** The wish; the resident's details only for its claimant and the organisation's secretaries. */
  async info(personId: string, code: string) {
    const wish = await this.#byCode(code);
    const claimant = wish.claimedById ? await this.work.members.findById(wish.claimedById) : null;
    const mayKnow =
      (claimant !== null && claimant.personId === personId) ||
      (await this.work.participation.isSecretaryOf(personId, wish.organizationId));
    if (!mayKnow) await this.work.participation.memberFor(personId, wish.organizationId);
    return { wish, claimant, recipient: mayKnow ? wish.recipient : null };
  }

  async fulfil(personId: string, code: string, note: string, photo: string | null, now: Date) {
    const wish = await this.#byCode(code);
    const claimant = wish.claimedById ? await this.work.members.findById(wish.claimedById) : null;
    if (wish.status !== "claimed" || claimant?.personId !== personId)
      throw new DomainError("wishes.notYours", { code });
    const updated = await this.work.repo.updateWish(wish.id, {
      status: "fulfilled",
      fulfilledAt: now,
      fulfilmentNote: note,
      fulfilmentPhoto: photo,
    });
    return { wish: updated, claimant };
  }

  async confirm(actorId: string, code: string, now: Date) {
    const wish = await this.#byCode(code);
    await this.work.access.require(actorId, wish.organizationId, "secretary");
    if (wish.status !== "fulfilled") throw new DomainError("wishes.notFulfilled", { code });
    const updated = await this.work.repo.updateWish(wish.id, {
      status: "confirmed",
      confirmedAt: now,
      confirmedById: actorId,
    });
    const claimant = wish.claimedById ? await this.work.members.findById(wish.claimedById) : null;
    if (claimant) await this.work.tallies.touched(claimant.organizationId, now, now);
    return { wish: updated, claimant };
  }

  /** Counts by status for an organisation and everything below it (the committee's view). */
  async counts(org: OrgRecord): Promise<Map<string, number>> {
    const ids = (await this.work.orgs.subtree(org.id)).map((o) => o.id);
    return this.work.repo.wishCounts(ids);
  }

  /** Claims to nudge (a reminder before they lapse) and to release (lapsed), for the job. */
  async claimsToProcess(now: Date) {
    const horizon = new Date(now.getTime() + 240 * 3_600_000);
    const remind: { wish: WishRecord; personId: string | null }[] = [];
    const lapse: { wish: WishRecord; personId: string | null }[] = [];
    for (const wish of await this.work.repo.claimsDueBy(horizon)) {
      if (!wish.claimDueAt || !wish.claimedById) continue;
      const hours = (await this.#settings(wish.organizationId))["wishes.remindHoursBefore"].value as number;
      const standing = claimStanding(
        { claimDueAt: wish.claimDueAt, claimRemindedAt: wish.claimRemindedAt },
        now,
        hours,
      );
      if (standing === "in_time") continue;
      const personId = (await this.work.members.findById(wish.claimedById))?.personId ?? null;
      (standing === "remind" ? remind : lapse).push({ wish, personId });
    }
    return { remind, lapse };
  }

  async markReminded(wish: WishRecord, now: Date): Promise<void> {
    await this.work.repo.updateWish(wish.id, { claimRemindedAt: now });
  }

  release(wish: WishRecord): Promise<boolean> {
    return wish.claimedById ? this.work.repo.releaseClaim(wish.id, wish.claimedById) : Promise.resolve(false);
  }

  async #settings(organizationId: string) {
    return effectiveSettings(await this.work.orgs.chain(organizationId));
  }

  async #byCode(code: string): Promise<WishRecord> {
    const wish = await this.work.repo.wishByCode(code);
    if (!wish) throw new DomainError("wishes.notFound", { code });
    return wish;
  }
}

// Persistence of people and their platform accounts.
import type { Tx } from "../db/database.js";

export interface PersonRecord {
  id: string;
  displayName: string;
  locale: string | null;
  currentOrganizationId: string | null;
}

const PERSON = { id: true, displayName: true, locale: true, currentOrganizationId: true } as const;

export interface AccountKey {
  platform: string;
  externalId: string;
}

export class IdentityRepository {
  constructor(private readonly db: Tx) {}

  async findPersonByAccount(key: AccountKey): Promise<PersonRecord | null> {
    // Asked on every message: one raw join (a compiled query costs three times the CPU).
    const rows = await this.db.$queryRaw<PersonRecord[]>`
      SELECT p."id", p."displayName", p."locale", p."currentOrganizationId"
      FROM "PlatformAccount" a JOIN "Person" p ON p."id" = a."personId"
      WHERE a."platform" = ${key.platform} AND a."externalId" = ${key.externalId}`;
    return rows[0] ?? null;
  }

  /** Creates the person and account on first need; returns the existing person otherwise. */
  async ensurePerson(key: AccountKey, displayName: string): Promise<PersonRecord> {
    const existing = await this.findPersonByAccount(key);
    if (existing) return existing;
    const account = await this.db.platformAccount.create({
      data: { ...key, displayName, person: { create: { displayName } } },
      select: { person: { select: PERSON } },
    });
    return account.person;
  }

  async setLocale(personId: string, locale: string): Promise<void> {
    await this.db.person.update({ where: { id: personId }, data: { locale } });
  }

  async setCurrentOrganization(personId: string, organizationId: string | null): Promise<void> {
    await this.db.person.update({ where: { id: personId }, data: { currentOrganizationId: organizationId } });
  }

  async createLinkCode(code: string, personId: string, expiresAt: Date): Promise<void> {
    await this.db.linkCode.create({ data: { code, personId, expiresAt } });
  }

  /** Takes a valid, unused link code; the person it links to, or null. */
  async useLinkCode(code: string, now: Date): Promise<string | null> {
    const link = await this.db.linkCode.findUnique({ where: { code } });
    if (!link || link.usedAt || link.expiresAt <= now) return null;
    const { count } = await this.db.linkCode.updateMany({
      where: { code, usedAt: null },
      data: { usedAt: now },
    });
    return count === 1 ? link.personId : null;
  }

  findAccount(key: AccountKey) {
    return this.db.platformAccount.findUnique({ where: { platform_externalId: key } });
  }

  async attachAccount(key: AccountKey, personId: string, displayName: string): Promise<void> {
    await this.db.platformAccount.upsert({
      where: { platform_externalId: key },
      create: { ...key, personId, displayName },
      update: { personId },
    });
  }

  /** Whether a person has anything of their own (membership, roles, requests) beyond accounts. */
  async hasRecords(personId: string): Promise<boolean> {
    const [members, roles, requests] = await Promise.all([
      this.db.member.count({ where: { personId } }),
      this.db.roleAssignment.count({ where: { personId } }),
      this.db.joinRequest.count({ where: { personId } }),
    ]);
    return members + roles + requests > 0;
  }

  /** The person's accounts the bot can message privately (not refused by the platform). */
  reachableAccountsOf(personId: string): Promise<{ platform: string; externalId: string }[]> {
    return this.db.platformAccount.findMany({
      where: { personId, unreachableAt: null },
      select: { platform: true, externalId: true },
    });
  }

  /** The platform refused a private message to this account; true when it was not known yet. */
  async markUnreachable(key: AccountKey, now: Date): Promise<boolean> {
    const { count } = await this.db.platformAccount.updateMany({
      where: { ...key, unreachableAt: null },
      data: { unreachableAt: now },
    });
    return count === 1;
  }

  /** The person wrote to the bot privately: it can reach them again. One statement, no-op if so. */
  async markReachable(key: AccountKey): Promise<void> {
    await this.db.platformAccount.updateMany({
      where: { ...key, unreachableAt: { not: null } },
      data: { unreachableAt: null },
    });
  }

  /** Of these people, those the bot cannot message privately on any platform. */
  async unreachable(personIds: string[]): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const accounts = await this.db.platformAccount.findMany({
      where: { personId: { in: personIds } },
      select: { personId: true, unreachableAt: true },
    });
    const reachable = new Set(accounts.filter((a) => !a.unreachableAt).map((a) => a.personId));
    return new Set(
      accounts.filter((a) => a.unreachableAt && !reachable.has(a.personId)).map((a) => a.personId),
    );
  }

  findById(id: string): Promise<PersonRecord | null> {
    return this.db.person.findUnique({ where: { id }, select: PERSON });
  }
}

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
    // One query with EXISTS; selecting through the account would cost a second round trip.
    return this.db.person.findFirst({
      where: { accounts: { some: key } },
      select: PERSON,
    });
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

  accountsOf(personId: string): Promise<{ platform: string; externalId: string }[]> {
    return this.db.platformAccount.findMany({
      where: { personId },
      select: { platform: true, externalId: true },
    });
  }

  findById(id: string): Promise<PersonRecord | null> {
    return this.db.person.findUnique({ where: { id }, select: PERSON });
  }
}

// Who is talking: maps platform accounts to people, and keeps each person's preferences.
import type { UserRef } from "../core/incoming.js";
import type { Tx } from "../db/database.js";
import { IdentityRepository, type PersonRecord } from "./identity-repository.js";

export class IdentityService {
  readonly #repo: IdentityRepository;

  constructor(db: Tx) {
    this.#repo = new IdentityRepository(db);
  }

  findPerson(user: UserRef): Promise<PersonRecord | null> {
    return this.#repo.findPersonByAccount({ platform: user.platform, externalId: user.id });
  }

  ensurePerson(user: UserRef): Promise<PersonRecord> {
    return this.#repo.ensurePerson({ platform: user.platform, externalId: user.id }, user.displayName);
  }

  async setLocale(user: UserRef, locale: string): Promise<void> {
    const person = await this.ensurePerson(user);
    await this.#repo.setLocale(person.id, locale);
  }

  async setCurrentOrganization(personId: string, organizationId: string | null): Promise<void> {
    await this.#repo.setCurrentOrganization(personId, organizationId);
  }

  findById(id: string): Promise<PersonRecord | null> {
    return this.#repo.findById(id);
  }
}

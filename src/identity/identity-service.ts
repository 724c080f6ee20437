// Who is talking: maps platform accounts to people, and keeps each person's preferences.
import { DomainError } from "../core/domain-error.js";
import type { UserRef } from "../core/incoming.js";
import { shortCode } from "../core/short-code.js";
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

  /** Of these people, those the bot cannot message privately on any platform they use. */
  unreachable(personIds: string[]): Promise<Set<string>> {
    return this.#repo.unreachable(personIds);
  }

  /** The person wrote to the bot privately, so it can reach them there again. */
  markReachable(user: UserRef): Promise<void> {
    return this.#repo.markReachable({ platform: user.platform, externalId: user.id });
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

  /** A code to type on another platform within ten minutes, to be the same person there. */
  async createLinkCode(user: UserRef, now: Date): Promise<string> {
    const person = await this.ensurePerson(user);
    const code = `K${shortCode(6)}`;
    await this.#repo.createLinkCode(code, person.id, new Date(now.getTime() + LINK_MINUTES * 60_000));
    return code;
  }

  /**
   * Links this platform account to the person who made the code. An account that already has its
   * own member record or roles is not silently merged: that is for an administrator.
   */
  async link(user: UserRef, code: string, now: Date): Promise<PersonRecord> {
    const key = { platform: user.platform, externalId: user.id };
    const existing = await this.#repo.findAccount(key);
    const target = await this.#repo.useLinkCode(code, now);
    if (!target) throw new DomainError("link.invalid");
    if (existing && existing.personId !== target && (await this.#repo.hasRecords(existing.personId))) {
      throw new DomainError("link.hasRecords");
    }
    await this.#repo.attachAccount(key, target, user.displayName);
    const person = await this.#repo.findById(target);
    if (!person) throw new DomainError("link.invalid");
    return person;
  }
}

const LINK_MINUTES = 10;

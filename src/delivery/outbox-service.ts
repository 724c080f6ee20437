// Queues proactive messages (announcements, notices) for the chats bound to an organisation.

import type { ChatRepository } from "../chats/chat-repository.js";
import type { Coalescer } from "../core/coalescer.js";
import type { Reply } from "../core/reply.js";
import type { IdentityRepository } from "../identity/identity-repository.js";
import type { AfterCommit } from "../services.js";
import type { OutboxRepository } from "./outbox-repository.js";

export type OutboxRow = Awaited<ReturnType<OutboxRepository["due"]>>[number];

export class OutboxService {
  constructor(
    private readonly repo: OutboxRepository,
    private readonly chats: ChatRepository,
    private readonly people: IdentityRepository,
    private readonly afterCommit: AfterCommit,
    /** PostgreSQL: hot markers written after the commit, coalesced; SQLite: none (one writer). */
    private readonly coalescer: Coalescer | null,
  ) {}

  /**
   * Queues a private message to a person, on every platform they use. Private chats are named
   * "user:<platform account id>"; each adapter opens the direct chat with that account.
   */
  async toPerson(personId: string, reply: Reply, opts: { now: Date; dedupeKey?: string }): Promise<number> {
    const accounts = await this.people.accountsOf(personId);
    for (const account of accounts) {
      await this.toChat(
        { platform: account.platform, chatId: `user:${account.externalId}` },
        { ...reply, visibility: "private" },
        {
          now: opts.now,
          ...(opts.dedupeKey
            ? { dedupeKey: `${opts.dedupeKey}|${account.platform}|${account.externalId}` }
            : {}),
        },
      );
    }
    return accounts.length;
  }

  /** Queues a message to every chat bound to the organisation; returns how many chats. */
  async toOrganization(
    organizationId: string,
    reply: Reply,
    opts: { now: Date; dedupeKey?: string },
  ): Promise<number> {
    const chats = await this.chats.boundTo(organizationId);
    for (const chat of chats) {
      await this.toChat({ platform: chat.platform, chatId: chat.externalId }, reply, {
        now: opts.now,
        ...(opts.dedupeKey ? { dedupeKey: `${opts.dedupeKey}|${chat.platform}|${chat.externalId}` } : {}),
      });
    }
    return chats.length;
  }

  async toChat(
    target: { platform: string; chatId: string },
    reply: Reply,
    opts: { now: Date; dedupeKey?: string; availableAt?: Date },
  ): Promise<void> {
    await this.repo.put({
      platform: target.platform,
      chatId: target.chatId,
      payload: JSON.stringify(reply),
      dedupeKey: opts.dedupeKey ?? null,
      createdAt: opts.now,
      availableAt: opts.availableAt ?? opts.now,
    });
  }

  /**
   * Asks for a keyed message (e.g. a meeting's announcement) to be posted, or edited in place,
   * in every chat bound to the organisation. What it shows is rendered when it is sent.
   */
  async refresh(
    organizationId: string,
    kind: string,
    replaceKey: string,
    payload: object,
    now: Date,
  ): Promise<number> {
    return this.repo.markDirtyInChatsOf(organizationId, kind, replaceKey, JSON.stringify(payload), now);
  }

  /**
   * `refresh` for the hottest path (a burst of check-ins). On PostgreSQL the marker is written
   * right after the command's transaction commits, not in it — concurrent check-ins would
   * otherwise queue on its row lock until each commits — and concurrent writes for one marker are
   * coalesced (two at a time, however many check-ins). The announcement is rendered when it is
   * sent, so the write only has to say "send again". A crash between the commit and the write
   * leaves the announcement one change behind until the next change (docs/operations.md).
   */
  async touch(
    organizationId: string,
    kind: string,
    replaceKey: string,
    payload: object,
    now: Date,
  ): Promise<void> {
    // SQLite has one writer at a time: writing inside the transaction costs nothing extra there,
    // while a second write after it would.
    if (!this.coalescer) {
      await this.refresh(organizationId, kind, replaceKey, payload, now);
      return;
    }
    const coalescer = this.coalescer;
    this.afterCommit((s) =>
      coalescer.run(`${organizationId}|${replaceKey}`, () =>
        s.outbox.refresh(organizationId, kind, replaceKey, payload, now),
      ),
    );
  }

  // For the delivery worker.

  due(now: Date, take: number, platforms: string[]): Promise<OutboxRow[]> {
    return this.repo.due(now, take, platforms);
  }

  posted(platform: string, chatId: string, replaceKey: string) {
    return this.repo.posted(platform, chatId, replaceKey);
  }

  /** Records a send; false when the message changed meanwhile and must be sent again. */
  async recordSent(row: OutboxRow, messageId: string, now: Date): Promise<boolean> {
    if (row.replaceKey) await this.repo.recordPosted(row.platform, row.chatId, row.replaceKey, messageId);
    return this.repo.markSent(row.id, row.version, now);
  }

  claim(id: string, worker: string, now: Date, leaseMs: number): Promise<boolean> {
    return this.repo.claim(id, worker, now, leaseMs);
  }

  postpone(id: string, availableAt: Date): Promise<void> {
    return this.repo.postpone(id, availableAt);
  }

  markFailed(id: string, error: string, retryAt: Date): Promise<void> {
    return this.repo.markFailed(id, error, retryAt);
  }
}

// Queues proactive messages (announcements, notices) for the chats bound to an organisation.

import type { ChatRepository } from "../chats/chat-repository.js";
import type { AfterCommit } from "../core/after-commit.js";
import type { Coalescer } from "../core/coalescer.js";
import type { Translate } from "../core/i18n.js";
import type { Reply } from "../core/reply.js";
import type { IdentityRepository } from "../identity/identity-repository.js";
import type { OutboxRepository } from "./outbox-repository.js";
import type { PaceRepository } from "./pace-repository.js";
import type { PaceGrant, PaceRule } from "./platform-limits.js";
import type { SendResult } from "./sender.js";

export type OutboxRow = Awaited<ReturnType<OutboxRepository["claimChats"]>>[number];

export class OutboxService {
  constructor(
    private readonly repo: OutboxRepository,
    private readonly chats: ChatRepository,
    private readonly people: IdentityRepository,
    private readonly afterCommit: AfterCommit<{ outbox: OutboxService }>,
    /** PostgreSQL: hot markers written after the commit, coalesced; SQLite: none (one writer). */
    private readonly coalescer: Coalescer | null,
    private readonly pace: PaceRepository,
  ) {}

  /**
   * Queues a private message to a person, on every platform they use and the bot can reach them
   * on (an account the platform refused is skipped until the person writes to the bot again).
   * Private chats are named "user:<platform account id>"; each adapter opens the direct chat.
   */
  async toPerson(personId: string, reply: Reply, opts: { now: Date; dedupeKey?: string }): Promise<number> {
    const accounts = await this.people.reachableAccountsOf(personId);
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
  /**
   * Queues a message to every chat bound to the organisation. With `skipped`, records it as not
   * sent and why (a reminder that came too late) under the same dedupe key, so it is never sent
   * later and `/outbox` shows what was not.
   */
  async toOrganization(
    organizationId: string,
    reply: Reply,
    opts: { now: Date; dedupeKey?: string; skipped?: string },
  ): Promise<number> {
    const chats = await this.chats.boundTo(organizationId);
    for (const chat of chats) {
      await this.toChat({ platform: chat.platform, chatId: chat.externalId, topic: chat.topic }, reply, {
        now: opts.now,
        ...(opts.dedupeKey ? { dedupeKey: `${opts.dedupeKey}|${chat.platform}|${chat.externalId}` } : {}),
        ...(opts.skipped ? { skipped: opts.skipped } : {}),
      });
    }
    return chats.length;
  }

  /**
   * Queues a message rendered only when it is sent (a meeting's .ics file, written then) to every
   * chat bound to the organisation, after whatever is queued there at this moment.
   */
  async renderedToOrganization(
    organizationId: string,
    kind: string,
    payload: object,
    now: Date,
  ): Promise<number> {
    const chats = await this.chats.boundTo(organizationId);
    // A millisecond later than now: a chat's messages go out by creation time, and this one
    // follows the announcement it belongs to, queued in the same command.
    const after = new Date(now.getTime() + 1);
    for (const chat of chats)
      await this.repo.put({
        platform: chat.platform,
        chatId: chat.externalId,
        topic: chat.topic,
        kind,
        payload: JSON.stringify(payload),
        dedupeKey: null,
        createdAt: after,
        availableAt: now,
      });
    return chats.length;
  }

  async toChat(
    target: { platform: string; chatId: string; topic?: string | null },
    reply: Reply,
    opts: { now: Date; dedupeKey?: string; availableAt?: Date; skipped?: string },
  ): Promise<void> {
    await this.repo.put({
      platform: target.platform,
      chatId: target.chatId,
      topic: target.topic ?? null,
      payload: JSON.stringify(reply),
      dedupeKey: opts.dedupeKey ?? null,
      createdAt: opts.now,
      availableAt: opts.availableAt ?? opts.now,
      ...(opts.skipped ? { deadAt: opts.now, failure: opts.skipped } : {}),
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

  claimChats(platform: string, worker: string, now: Date, leaseMs: number, maxChats: number) {
    return this.repo.claimChats(platform, worker, now, leaseMs, maxChats);
  }

  posted(platform: string, chatId: string, replaceKey: string) {
    return this.repo.posted(platform, chatId, replaceKey);
  }

  /** Records a send; false when the message changed meanwhile and must be sent again. */
  async recordSent(row: OutboxRow, sent: SendResult, now: Date): Promise<boolean> {
    if (row.replaceKey) await this.repo.recordPosted(row.platform, row.chatId, row.replaceKey, sent);
    return this.repo.markSent(row.id, row.version, now);
  }

  postpone(ids: string[], availableAt: Date): Promise<void> {
    return this.repo.postpone(ids, availableAt);
  }

  release(ids: string[]): Promise<void> {
    return this.repo.release(ids);
  }

  markFailed(id: string, error: string, retryAt: Date): Promise<void> {
    return this.repo.markFailed(id, error, retryAt);
  }

  markDead(
    where: { ids: string[] } | { platform: string; chatId: string },
    failure: string,
    error: string,
    now: Date,
  ): Promise<number> {
    return this.repo.markDead(where, failure, error, now);
  }

  moveChat(platform: string, from: string, to: string): Promise<void> {
    return this.repo.moveChat(platform, from, to);
  }

  async forgetPosted(platform: string, chatId: string, replaceKey: string): Promise<void> {
    await this.repo.forgetPosted(platform, chatId, replaceKey);
  }

  // What delivery learnt from the platform.

  /**
   * The bot can no longer post in a group: its waiting messages end, and it is unbound. Returns
   * who bound it and where, to tell them once (null when already known).
   */
  async chatGone(platform: string, chatId: string, detail: string, now: Date) {
    await this.repo.markDead({ platform, chatId }, "chat-gone", detail, now);
    return this.chats.markGone(platform, chatId, now);
  }

  /**
   * The chat is gone (the platform refused a delivery, or said the bot was removed): unbound, its
   * waiting messages ended, and whoever bound it told privately, once.
   */
  async chatGoneTellingBinder(platform: string, chatId: string, detail: string, now: Date, t?: Translate) {
    const chat = await this.chatGone(platform, chatId, detail, now);
    if (!chat?.boundById || !t) return;
    const text = t("delivery.chatGone", { chat: chat.title ?? chatId, org: chat.organization?.name ?? "" });
    await this.toPerson(
      chat.boundById,
      { segments: [{ text }] },
      { now, dedupeKey: `chat-gone:${platform}:${chatId}:${now.getTime()}` },
    );
  }

  /** A person cannot be messaged privately: their waiting messages end, and the account is flagged. */
  async personUnreachable(platform: string, chatId: string, detail: string, now: Date): Promise<void> {
    await this.repo.markDead({ platform, chatId }, "unreachable", detail, now);
    await this.people.markUnreachable({ platform, externalId: chatId.replace(/^user:/, "") }, now);
  }

  /** A group now has another id: the binding and waiting messages follow it. */
  async chatMigrated(platform: string, from: string, to: string, now: Date): Promise<void> {
    await this.chats.move(platform, from, to, now);
    await this.repo.moveChat(platform, from, to);
  }

  // For /outbox and readiness.

  backlog(now: Date) {
    return this.repo.backlog(now);
  }

  deadLetters(take: number) {
    return this.repo.deadLetters(take);
  }

  retryDead(now: Date, prefix?: string): Promise<number> {
    return this.repo.retryDead(now, prefix);
  }

  // Pacing shared by the instances (platform-limits.ts).

  reservePace(key: string, rule: PaceRule, nowMs: number, maxWaitMs?: number): Promise<PaceGrant> {
    return this.pace.reserve(key, rule, nowMs, maxWaitMs);
  }

  holdPace(key: string, untilMs: number): Promise<void> {
    return this.pace.hold(key, untilMs);
  }

  prunePace(beforeMs: number): Promise<number> {
    return this.pace.prune(beforeMs);
  }
}

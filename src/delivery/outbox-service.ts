// Queues proactive messages (announcements, notices) for the chats bound to an organisation.
import type { ChatRepository } from "../chats/chat-repository.js";
import type { Reply } from "../core/reply.js";
import type { OutboxRepository } from "./outbox-repository.js";

export type OutboxRow = Awaited<ReturnType<OutboxRepository["due"]>>[number];

export class OutboxService {
  constructor(
    private readonly repo: OutboxRepository,
    private readonly chats: ChatRepository,
  ) {}

  /** Queues a message to every chat bound to the organisation; returns how many chats. */
  async toOrganization(
    organizationId: string,
    reply: Reply,
    opts: { now: Date; replaceKey?: string; version?: number; dedupeKey?: string },
  ): Promise<number> {
    const chats = await this.chats.boundTo(organizationId);
    for (const chat of chats) {
      await this.toChat({ platform: chat.platform, chatId: chat.externalId }, reply, {
        ...opts,
        ...(opts.dedupeKey ? { dedupeKey: `${opts.dedupeKey}|${chat.platform}|${chat.externalId}` } : {}),
      });
    }
    return chats.length;
  }

  async toChat(
    target: { platform: string; chatId: string },
    reply: Reply,
    opts: { now: Date; replaceKey?: string; version?: number; dedupeKey?: string; availableAt?: Date },
  ): Promise<void> {
    await this.repo.put({
      platform: target.platform,
      chatId: target.chatId,
      payload: JSON.stringify(reply),
      replaceKey: opts.replaceKey ?? null,
      version: opts.version ?? 0,
      dedupeKey: opts.dedupeKey ?? null,
      createdAt: opts.now,
      availableAt: opts.availableAt ?? opts.now,
    });
  }

  // For the delivery worker.

  due(now: Date, take: number): Promise<OutboxRow[]> {
    return this.repo.due(now, take);
  }

  posted(platform: string, chatId: string, replaceKey: string) {
    return this.repo.posted(platform, chatId, replaceKey);
  }

  async recordSent(row: OutboxRow, messageId: string | null, now: Date): Promise<void> {
    await this.repo.markSent(row.id, now);
    if (row.replaceKey && messageId)
      await this.repo.recordPosted(row.platform, row.chatId, row.replaceKey, messageId, row.version);
  }

  markFailed(id: string, error: string, retryAt: Date): Promise<void> {
    return this.repo.markFailed(id, error, retryAt);
  }
}

// Persistence of outgoing proactive messages.
import { randomUUID } from "node:crypto";
import { Prisma, type Tx } from "../db/database.js";
import type { RawSql } from "../db/raw-sql.js";

export interface NewOutboxMessage {
  platform: string;
  chatId: string;
  payload: string;
  dedupeKey: string | null;
  createdAt: Date;
  availableAt: Date;
}

export class OutboxRepository {
  constructor(
    private readonly db: Tx,
    private readonly raw: RawSql,
  ) {}

  /** Queues a message; with a dedupe key, queuing the same logical message twice is a no-op. */
  async put(message: NewOutboxMessage): Promise<void> {
    if (message.dedupeKey) {
      const existing = await this.db.outboxMessage.findUnique({ where: { dedupeKey: message.dedupeKey } });
      if (existing) return;
    }
    await this.db.outboxMessage.create({ data: message });
  }

  /**
   * Marks a keyed message (an announcement) as needing a refresh in every chat bound to the
   * organisation: inserts it, or bumps the version of the one already waiting. One statement for
   * all the chats, so concurrent changes never race and a check-in costs one round trip here.
   * Returns how many chats.
   */
  markDirtyInChatsOf(organizationId: string, kind: string, replaceKey: string, payload: string, now: Date) {
    const m = { organizationId, kind, replaceKey, payload, now };
    // The WHERE clause is required by SQLite to tell ON CONFLICT from a join's ON.
    return this.raw.execute(Prisma.sql`
      INSERT INTO "OutboxMessage" ("id", "platform", "chatId", "kind", "payload", "replaceKey", "version", "pendingKey", "createdAt", "availableAt", "attempts")
      SELECT CAST(${randomUUID()} AS TEXT) || '|' || c."platform" || '|' || c."externalId",
             c."platform", c."externalId", ${m.kind}, ${m.payload}, ${m.replaceKey}, 0,
             c."platform" || '|' || c."externalId" || '|' || CAST(${m.replaceKey} AS TEXT), ${m.now}, ${m.now}, 0
      FROM "Chat" c WHERE c."organizationId" = ${m.organizationId}
      ON CONFLICT ("pendingKey") DO UPDATE SET "version" = "OutboxMessage"."version" + 1`);
  }

  /** Due messages for the platforms this worker can send to (others wait for their adapter). */
  due(now: Date, take: number, platforms: string[]) {
    return this.db.outboxMessage.findMany({
      where: {
        sentAt: null,
        availableAt: { lte: now },
        platform: { in: platforms },
        OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }],
      },
      orderBy: { createdAt: "asc" },
      take,
    });
  }

  /**
   * Claims a due message for this worker for a while. A worker that dies mid-send loses the claim
   * when it expires and another takes the message over.
   */
  async claim(id: string, worker: string, now: Date, leaseMs: number): Promise<boolean> {
    const { count } = await this.db.outboxMessage.updateMany({
      where: {
        id,
        sentAt: null,
        OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }, { claimedBy: worker }],
      },
      data: { claimedBy: worker, claimedUntil: new Date(now.getTime() + leaseMs) },
    });
    return count === 1;
  }

  /** Puts a message back for later without counting a failure (the platform asked us to wait). */
  async postpone(id: string, availableAt: Date): Promise<void> {
    await this.db.outboxMessage.update({
      where: { id },
      data: { availableAt, claimedBy: null, claimedUntil: null },
    });
  }

  /**
   * Marks a message sent, unless it changed (its version moved on) while it was being sent: then
   * it stays waiting so the newer state goes out too. Returns whether it was marked.
   */
  async markSent(id: string, version: number, now: Date): Promise<boolean> {
    const { count } = await this.db.outboxMessage.updateMany({
      where: { id, version },
      data: { sentAt: now, pendingKey: null, lastError: null, claimedBy: null, claimedUntil: null },
    });
    if (count === 0)
      await this.db.outboxMessage.update({ where: { id }, data: { claimedBy: null, claimedUntil: null } });
    return count === 1;
  }

  async markFailed(id: string, error: string, retryAt: Date): Promise<void> {
    await this.db.outboxMessage.update({
      where: { id },
      data: {
        attempts: { increment: 1 },
        lastError: error.slice(0, 500),
        availableAt: retryAt,
        claimedBy: null,
        claimedUntil: null,
      },
    });
  }

  posted(platform: string, chatId: string, replaceKey: string) {
    return this.db.postedMessage.findUnique({
      where: { platform_chatId_replaceKey: { platform, chatId, replaceKey } },
    });
  }

  async recordPosted(platform: string, chatId: string, replaceKey: string, messageId: string): Promise<void> {
    await this.db.postedMessage.upsert({
      where: { platform_chatId_replaceKey: { platform, chatId, replaceKey } },
      create: { platform, chatId, replaceKey, messageId },
      update: { messageId },
    });
  }
}

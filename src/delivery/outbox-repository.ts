// Persistence of outgoing proactive messages.

import { randomUUID } from "node:crypto";
import { Prisma, type Tx } from "../db/database.js";
import type { RawSql } from "../db/raw-sql.js";
import type { SendResult } from "./sender.js";

export interface NewOutboxMessage {
  platform: string;
  chatId: string;
  payload: string;
  dedupeKey: string | null;
  createdAt: Date;
  availableAt: Date;
  /** The forum topic to post in (Telegram), if any. */
  topic?: string | null;
  /** Recorded as never to be sent (a reminder that came too late), with why, instead of queued. */
  deadAt?: Date;
  failure?: string;
  /** What the payload is: a Reply ("reply", the default), or data rendered when sent. */
  kind?: string;
}

export class OutboxRepository {
  constructor(
    private readonly db: Tx,
    private readonly raw: RawSql,
    private readonly provider: "sqlite" | "postgresql",
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
      INSERT INTO "OutboxMessage" ("id", "platform", "chatId", "kind", "payload", "replaceKey", "version", "pendingKey", "createdAt", "availableAt", "attempts", "topic")
      SELECT CAST(${randomUUID()} AS TEXT) || '|' || c."platform" || '|' || c."externalId",
             c."platform", c."externalId", ${m.kind}, ${m.payload}, ${m.replaceKey}, 0,
             c."platform" || '|' || c."externalId" || '|' || CAST(${m.replaceKey} AS TEXT), ${m.now}, ${m.now}, 0, c."topic"
      FROM "Chat" c WHERE c."organizationId" = ${m.organizationId}
      ON CONFLICT ("pendingKey") DO UPDATE SET "version" = "OutboxMessage"."version" + 1`);
  }

  /**
   * Claims the due messages of up to `maxChats` chats of one platform for this worker, oldest
   * chat first, and returns them in order. A chat is taken whole through its head (its oldest
   * unfinished message): only a worker holding the head sends in that chat, so messages to one
   * chat go out in order even with several instances. On PostgreSQL the heads are locked with
   * SKIP LOCKED, so two instances claiming at once take different chats.
   */
  async claimChats(platform: string, worker: string, now: Date, leaseMs: number, maxChats: number) {
    const lock = this.provider === "postgresql" ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
    // A chat's head is found by a correlated subquery — a probe of the chat's own index for each
    // candidate, whatever the planner knows of the table (an anti-join planned without statistics,
    // right after a fan-out was queued, compared every row with every other).
    const heads = await this.raw.query<{ chatId: string }>(Prisma.sql`
      SELECT o."chatId" FROM "OutboxMessage" o
      WHERE o."platform" = ${platform} AND o."sentAt" IS NULL AND o."deadAt" IS NULL
        AND o."availableAt" <= ${now} AND (o."claimedUntil" IS NULL OR o."claimedUntil" < ${now})
        AND o."id" = (
          SELECT e."id" FROM "OutboxMessage" e
          WHERE e."platform" = o."platform" AND e."chatId" = o."chatId" AND e."sentAt" IS NULL
            AND e."deadAt" IS NULL
          ORDER BY e."createdAt", e."id" LIMIT 1)
      ORDER BY o."createdAt", o."id"
      LIMIT ${maxChats} ${lock}`);
    if (heads.length === 0) return [];
    const chatIds = heads.map((h) => h.chatId);
    const open = { platform, chatId: { in: chatIds }, sentAt: null, deadAt: null };
    await this.db.outboxMessage.updateMany({
      where: {
        ...open,
        availableAt: { lte: now },
        OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }],
      },
      data: { claimedBy: worker, claimedUntil: new Date(now.getTime() + leaseMs) },
    });
    return this.db.outboxMessage.findMany({
      where: { ...open, claimedBy: worker },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
  }

  /** Puts messages back for later without counting a failure (the platform asked us to wait). */
  async postpone(ids: string[], availableAt: Date): Promise<void> {
    await this.db.outboxMessage.updateMany({
      where: { id: { in: ids } },
      data: { availableAt, claimedBy: null, claimedUntil: null },
    });
  }

  /** Gives claimed messages back untouched (the worker is stopping). */
  async release(ids: string[]): Promise<void> {
    await this.db.outboxMessage.updateMany({
      where: { id: { in: ids }, sentAt: null },
      data: { claimedBy: null, claimedUntil: null },
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

  /**
   * Ends messages without success (a dead letter): kept, counted and shown to administrators,
   * never tried again unless put back. The pending key is freed so a later change queues anew.
   */
  async markDead(
    where: { ids: string[] } | { platform: string; chatId: string },
    failure: string,
    error: string,
    now: Date,
  ) {
    const { count } = await this.db.outboxMessage.updateMany({
      where: {
        sentAt: null,
        deadAt: null,
        ...("ids" in where ? { id: { in: where.ids } } : { platform: where.platform, chatId: where.chatId }),
      },
      data: {
        deadAt: now,
        failure,
        lastError: error.slice(0, 500),
        pendingKey: null,
        claimedBy: null,
        claimedUntil: null,
      },
    });
    return count;
  }

  /** A chat got a new id (a Telegram group became a supergroup): its waiting messages follow it. */
  async moveChat(platform: string, from: string, to: string): Promise<void> {
    await this.raw.execute(Prisma.sql`
      UPDATE "OutboxMessage" SET "chatId" = ${to},
        "pendingKey" = CASE WHEN "pendingKey" IS NULL THEN NULL ELSE ${`${platform}|${to}|`} || "replaceKey" END
      WHERE "platform" = ${platform} AND "chatId" = ${from} AND "sentAt" IS NULL AND "deadAt" IS NULL`);
    // Message ids do not carry over to the new chat: announcements are posted afresh there.
    await this.db.postedMessage.deleteMany({ where: { platform, chatId: from } });
  }

  forgetPosted(platform: string, chatId: string, replaceKey: string) {
    return this.db.postedMessage.deleteMany({ where: { platform, chatId, replaceKey } });
  }

  /** What the outbox holds now, for /outbox and readiness. */
  async backlog(now: Date) {
    const [waiting, retrying, dead] = await Promise.all([
      this.db.outboxMessage.count({ where: { sentAt: null, deadAt: null } }),
      this.db.outboxMessage.count({
        where: { sentAt: null, deadAt: null, attempts: { gt: 0 }, availableAt: { gt: now } },
      }),
      this.db.outboxMessage.groupBy({
        by: ["failure"],
        where: { deadAt: { not: null } },
        _count: { _all: true },
      }),
    ]);
    return {
      waiting,
      retrying,
      dead: Object.fromEntries(dead.map((d) => [d.failure ?? "gave-up", d._count._all])) as Record<
        string,
        number
      >,
    };
  }

  deadLetters(take: number) {
    return this.db.outboxMessage.findMany({
      where: { deadAt: { not: null } },
      orderBy: [{ deadAt: "desc" }, { id: "asc" }],
      take,
      select: {
        id: true,
        platform: true,
        chatId: true,
        failure: true,
        lastError: true,
        deadAt: true,
        attempts: true,
      },
    });
  }

  /** Puts dead letters back in the queue (all of them, or those whose id starts with `prefix`). */
  async retryDead(now: Date, prefix?: string): Promise<number> {
    const { count } = await this.db.outboxMessage.updateMany({
      where: { deadAt: { not: null }, ...(prefix ? { id: { startsWith: prefix } } : {}) },
      data: {
        deadAt: null,
        failure: null,
        attempts: 0,
        availableAt: now,
        claimedBy: null,
        claimedUntil: null,
      },
    });
    return count;
  }

  posted(platform: string, chatId: string, replaceKey: string) {
    return this.db.postedMessage.findUnique({
      where: { platform_chatId_replaceKey: { platform, chatId, replaceKey } },
    });
  }

  async recordPosted(
    platform: string,
    chatId: string,
    replaceKey: string,
    { messageId, link }: SendResult,
  ): Promise<void> {
    await this.db.postedMessage.upsert({
      where: { platform_chatId_replaceKey: { platform, chatId, replaceKey } },
      create: { platform, chatId, replaceKey, messageId, link: link ?? null },
      update: { messageId, ...(link ? { link } : {}) },
    });
  }
}

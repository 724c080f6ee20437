// Persistence of outgoing proactive messages.
import type { Tx } from "../db/database.js";

export interface NewOutboxMessage {
  platform: string;
  chatId: string;
  payload: string;
  replaceKey: string | null;
  version: number;
  dedupeKey: string | null;
  createdAt: Date;
  availableAt: Date;
}

export class OutboxRepository {
  constructor(private readonly db: Tx) {}

  /** Inserts, or for a keyed announcement overwrites the unsent older version. */
  async put(message: NewOutboxMessage): Promise<void> {
    if (message.dedupeKey) {
      const existing = await this.db.outboxMessage.findUnique({ where: { dedupeKey: message.dedupeKey } });
      if (existing) return;
    }
    if (message.replaceKey) {
      const pendingKey = `${message.platform}|${message.chatId}|${message.replaceKey}`;
      const unsent = await this.db.outboxMessage.findUnique({ where: { pendingKey } });
      if (unsent) {
        if (unsent.version < message.version) {
          await this.db.outboxMessage.update({
            where: { id: unsent.id },
            data: { payload: message.payload, version: message.version },
          });
        }
        return;
      }
      await this.db.outboxMessage.create({ data: { ...message, pendingKey } });
      return;
    }
    await this.db.outboxMessage.create({ data: message });
  }

  due(now: Date, take: number) {
    return this.db.outboxMessage.findMany({
      where: { sentAt: null, availableAt: { lte: now } },
      orderBy: { createdAt: "asc" },
      take,
    });
  }

  async markSent(id: string, now: Date): Promise<void> {
    await this.db.outboxMessage.update({
      where: { id },
      data: { sentAt: now, pendingKey: null, lastError: null },
    });
  }

  async markFailed(id: string, error: string, retryAt: Date): Promise<void> {
    await this.db.outboxMessage.update({
      where: { id },
      data: { attempts: { increment: 1 }, lastError: error.slice(0, 500), availableAt: retryAt },
    });
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
    messageId: string,
    version: number,
  ): Promise<void> {
    await this.db.postedMessage.upsert({
      where: { platform_chatId_replaceKey: { platform, chatId, replaceKey } },
      create: { platform, chatId, replaceKey, messageId, version },
      update: { messageId, version },
    });
  }

  all(where: { platform?: string; chatId?: string } = {}) {
    return this.db.outboxMessage.findMany({ where, orderBy: { createdAt: "asc" } });
  }
}

// Persistence of group chats and their binding to organisations.
import type { Tx } from "../db/database.js";

export class ChatRepository {
  constructor(private readonly db: Tx) {}

  find(platform: string, externalId: string) {
    return this.db.chat.findUnique({ where: { platform_externalId: { platform, externalId } } });
  }

  async bind(data: {
    platform: string;
    externalId: string;
    title: string | null;
    organizationId: string;
    boundById: string;
    boundAt: Date;
    topic: string | null;
  }) {
    const { platform, externalId, ...rest } = data;
    return this.db.chat.upsert({
      where: { platform_externalId: { platform, externalId } },
      create: data,
      update: rest,
    });
  }

  async unbind(platform: string, externalId: string): Promise<void> {
    await this.db.chat.updateMany({ where: { platform, externalId }, data: { organizationId: null } });
  }

  /**
   * The platform said the bot can no longer post here: the chat is unbound and marked gone.
   * Returns the chat as it was bound (null when it was not, or was already gone).
   */
  async markGone(platform: string, externalId: string, now: Date) {
    const chat = await this.db.chat.findUnique({
      where: { platform_externalId: { platform, externalId } },
      select: {
        title: true,
        organizationId: true,
        boundById: true,
        goneAt: true,
        organization: { select: { name: true } },
      },
    });
    if (!chat || chat.goneAt) return null;
    await this.db.chat.update({
      where: { platform_externalId: { platform, externalId } },
      data: { goneAt: now, organizationId: null },
    });
    return chat;
  }

  /** A chat got a new id (a Telegram group upgraded to a supergroup): its binding moves with it. */
  async move(platform: string, from: string, to: string, now: Date): Promise<void> {
    const old = await this.find(platform, from);
    // Already moved (a second message claimed before the first learnt of the upgrade meets the
    // same answer): the old row is unbound now, and must not overwrite the new chat's binding.
    if (!old || (old.organizationId === null && old.goneAt)) return;
    const { id: _id, externalId: _from, createdAt: _created, ...binding } = old;
    await this.db.chat.upsert({
      where: { platform_externalId: { platform, externalId: to } },
      create: { ...binding, platform, externalId: to, goneAt: null },
      update: {
        organizationId: binding.organizationId,
        boundById: binding.boundById,
        boundAt: binding.boundAt,
        goneAt: null,
      },
    });
    await this.db.chat.update({
      where: { id: old.id },
      data: { organizationId: null, goneAt: old.goneAt ?? now },
    });
  }

  /** Every organisation that has at least one bound chat. */
  async boundOrganizationIds(): Promise<Set<string>> {
    const rows = await this.db.chat.findMany({
      where: { organizationId: { not: null } },
      select: { organizationId: true },
      distinct: ["organizationId"],
    });
    return new Set(rows.flatMap((r) => (r.organizationId ? [r.organizationId] : [])));
  }

  /** Raw: every announcement update (each check-in) asks it. */
  boundTo(
    organizationId: string,
  ): Promise<{ platform: string; externalId: string; title: string | null; topic: string | null }[]> {
    return this.db.$queryRaw`
      SELECT "platform", "externalId", "title", "topic" FROM "Chat" WHERE "organizationId" = ${organizationId}
      ORDER BY "platform", "externalId"`;
  }

  createBindCode(data: { code: string; organizationId: string; createdById: string; expiresAt: Date }) {
    return this.db.bindCode.create({ data });
  }

  findBindCode(code: string) {
    return this.db.bindCode.findUnique({ where: { code } });
  }

  async useBindCode(code: string, now: Date): Promise<boolean> {
    const { count } = await this.db.bindCode.updateMany({
      where: { code, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    return count === 1;
  }
}

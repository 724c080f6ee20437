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
  boundTo(organizationId: string): Promise<{ platform: string; externalId: string; title: string | null }[]> {
    return this.db.$queryRaw`
      SELECT "platform", "externalId", "title" FROM "Chat" WHERE "organizationId" = ${organizationId}
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

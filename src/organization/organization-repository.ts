// Persistence of the organisation tree.
import type { Tx } from "../db/database.js";
import { parseStoredSettings, type StoredSettings } from "./settings.js";

export interface OrgRecord {
  id: string;
  code: string;
  kind: string;
  name: string;
  timeZone: string | null;
  parentId: string | null;
  settings: StoredSettings;
}

const SELECT = {
  id: true,
  code: true,
  kind: true,
  name: true,
  timeZone: true,
  parentId: true,
  settings: true,
} as const;

export function toOrgRecord(row: { settings: string } & Omit<OrgRecord, "settings">): OrgRecord {
  return { ...row, settings: parseStoredSettings(row.settings) };
}

export class OrganizationRepository {
  constructor(private readonly db: Tx) {}

  async create(data: {
    code: string;
    kind: string;
    name: string;
    parentId: string | null;
    timeZone?: string;
    /** The injected clock's now, so a fake clock's world begins when its story does. */
    createdAt?: Date;
  }) {
    return toOrgRecord(await this.db.organization.create({ data, select: SELECT }));
  }

  async findById(id: string): Promise<OrgRecord | null> {
    const row = await this.db.organization.findUnique({ where: { id }, select: SELECT });
    return row ? toOrgRecord(row) : null;
  }

  /** When the organisation was set up in the bot. */
  async createdAt(id: string): Promise<Date | null> {
    const row = await this.db.organization.findUnique({ where: { id }, select: { createdAt: true } });
    return row?.createdAt ?? null;
  }

  async findByCode(code: string): Promise<OrgRecord | null> {
    const row = await this.db.organization.findUnique({ where: { code }, select: SELECT });
    return row ? toOrgRecord(row) : null;
  }

  async findChildByName(parentId: string, name: string): Promise<OrgRecord | null> {
    const row = await this.db.organization.findFirst({ where: { parentId, name }, select: SELECT });
    return row ? toOrgRecord(row) : null;
  }

  /**
   * The organisation itself, then its parent, up to the root. Every command asks for it (roles,
   * time zone, settings), so it is one recursive query, written raw: a raw query costs about a
   * third of the CPU of a compiled one (bench/check-in.ts).
   */
  async chain(id: string): Promise<OrgRecord[]> {
    const rows = await this.db.$queryRaw<(Omit<OrgRecord, "settings"> & { settings: string })[]>`
      WITH RECURSIVE "up" ("id", "depth") AS (
        SELECT CAST(${id} AS TEXT), 0
        UNION ALL
        SELECT o."parentId", "up"."depth" + 1 FROM "up" JOIN "Organization" o ON o."id" = "up"."id"
        WHERE o."parentId" IS NOT NULL AND "up"."depth" < 16
      )
      SELECT o."id", o."code", o."kind", o."name", o."timeZone", o."parentId", o."settings"
      FROM "up" JOIN "Organization" o ON o."id" = "up"."id" ORDER BY "up"."depth"`;
    return rows.map(toOrgRecord);
  }

  /** The organisation a group chat is bound to, in one query (it is asked on every message). */
  async boundToChat(platform: string, externalId: string): Promise<OrgRecord | null> {
    const rows = await this.db.$queryRaw<(Omit<OrgRecord, "settings"> & { settings: string })[]>`
      SELECT o."id", o."code", o."kind", o."name", o."timeZone", o."parentId", o."settings"
      FROM "Chat" c JOIN "Organization" o ON o."id" = c."organizationId"
      WHERE c."platform" = ${platform} AND c."externalId" = ${externalId}`;
    const [row] = rows;
    return row ? toOrgRecord(row) : null;
  }

  async children(parentId: string | null): Promise<OrgRecord[]> {
    const rows = await this.db.organization.findMany({
      where: { parentId },
      select: SELECT,
      orderBy: { createdAt: "asc" },
    });
    return rows.map(toOrgRecord);
  }

  /** The organisation and everything below it, breadth first. */
  async subtree(id: string): Promise<OrgRecord[]> {
    const root = await this.findById(id);
    if (!root) return [];
    const all = [root];
    let frontier = [root.id];
    while (frontier.length > 0) {
      const rows = await this.db.organization.findMany({
        where: { parentId: { in: frontier } },
        select: SELECT,
        orderBy: { createdAt: "asc" },
      });
      all.push(...rows.map(toOrgRecord));
      frontier = rows.map((r) => r.id);
    }
    return all;
  }

  async saveSettings(id: string, settings: StoredSettings): Promise<void> {
    await this.db.organization.update({ where: { id }, data: { settings: JSON.stringify(settings) } });
  }

  async allOfKind(kind: string): Promise<OrgRecord[]> {
    const rows = await this.db.organization.findMany({
      where: { kind },
      select: SELECT,
      orderBy: { createdAt: "asc" },
    });
    return rows.map(toOrgRecord);
  }

  async codeTaken(code: string): Promise<boolean> {
    return (await this.db.organization.count({ where: { code } })) > 0;
  }
}

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

function toRecord(row: { settings: string } & Omit<OrgRecord, "settings">): OrgRecord {
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
  }) {
    return toRecord(await this.db.organization.create({ data, select: SELECT }));
  }

  async findById(id: string): Promise<OrgRecord | null> {
    const row = await this.db.organization.findUnique({ where: { id }, select: SELECT });
    return row ? toRecord(row) : null;
  }

  async findByCode(code: string): Promise<OrgRecord | null> {
    const row = await this.db.organization.findUnique({ where: { code }, select: SELECT });
    return row ? toRecord(row) : null;
  }

  async findChildByName(parentId: string, name: string): Promise<OrgRecord | null> {
    const row = await this.db.organization.findFirst({ where: { parentId, name }, select: SELECT });
    return row ? toRecord(row) : null;
  }

  /** The organisation itself, then its parent, up to the root. */
  async chain(id: string): Promise<OrgRecord[]> {
    const chain: OrgRecord[] = [];
    let next: string | null = id;
    while (next && chain.length < 16) {
      const org = await this.findById(next);
      if (!org) break;
      chain.push(org);
      next = org.parentId;
    }
    return chain;
  }

  async children(parentId: string | null): Promise<OrgRecord[]> {
    const rows = await this.db.organization.findMany({
      where: { parentId },
      select: SELECT,
      orderBy: { createdAt: "asc" },
    });
    return rows.map(toRecord);
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
      all.push(...rows.map(toRecord));
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
    return rows.map(toRecord);
  }

  async codeTaken(code: string): Promise<boolean> {
    return (await this.db.organization.count({ where: { code } })) > 0;
  }
}

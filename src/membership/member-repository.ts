// Persistence of members.
import type { Tx } from "../db/database.js";

export interface MemberRecord {
  id: string;
  code: string;
  name: string;
  status: string;
  joinedPartyOn: string | null;
  phone: string | null;
  state: string;
  organizationId: string;
  groupId: string | null;
  personId: string | null;
  /** Excused from organisational life they cannot take part in (年老体弱、长期患病): why. */
  exemptReason: string | null;
}

export interface NewMember {
  code: string;
  name: string;
  status: string;
  joinedPartyOn: string | null;
  phone: string | null;
  organizationId: string;
  groupId: string | null;
  personId: string | null;
}

export const MEMBER = {
  id: true,
  code: true,
  name: true,
  status: true,
  joinedPartyOn: true,
  phone: true,
  state: true,
  organizationId: true,
  groupId: true,
  personId: true,
  exemptReason: true,
} as const;

export class MemberRepository {
  constructor(private readonly db: Tx) {}

  create(data: NewMember): Promise<MemberRecord> {
    return this.db.member.create({ data, select: MEMBER });
  }

  async createMany(rows: NewMember[]): Promise<number> {
    const { count } = await this.db.member.createMany({ data: rows });
    return count;
  }

  findByCode(code: string): Promise<MemberRecord | null> {
    return this.db.member.findUnique({ where: { code }, select: MEMBER });
  }

  findById(id: string): Promise<MemberRecord | null> {
    return this.db.member.findUnique({ where: { id }, select: MEMBER });
  }

  listByBranch(organizationId: string): Promise<MemberRecord[]> {
    return this.db.member.findMany({
      where: { organizationId, state: "active" },
      select: MEMBER,
      orderBy: [{ createdAt: "asc" }, { name: "asc" }],
    });
  }

  /** Active members per branch, for many branches at once. */
  async countActiveByBranch(organizationIds: string[]): Promise<Map<string, number>> {
    if (organizationIds.length === 0) return new Map();
    const rows = await this.db.member.groupBy({
      by: ["organizationId"],
      where: { organizationId: { in: organizationIds }, state: "active" },
      _count: { _all: true },
    });
    return new Map(rows.map((r) => [r.organizationId, r._count._all]));
  }

  countActive(organizationId: string, groupId: string | null): Promise<number> {
    return this.db.member.count({
      where: { organizationId, state: "active", ...(groupId ? { groupId } : {}) },
    });
  }

  activeOf(personId: string): Promise<MemberRecord[]> {
    return this.db.member.findMany({
      where: { personId, state: "active" },
      select: MEMBER,
      orderBy: { createdAt: "asc" },
    });
  }

  /** The branches where the person is an active member; asked on every command (roles). */
  async activeBranchIdsOf(personId: string): Promise<string[]> {
    const rows = await this.db.$queryRaw<{ organizationId: string }[]>`
      SELECT "organizationId" FROM "Member" WHERE "personId" = ${personId} AND "state" = 'active'`;
    return rows.map((r) => r.organizationId);
  }

  activeInBranchOf(personId: string, organizationId: string): Promise<MemberRecord | null> {
    return this.db.member.findFirst({ where: { personId, organizationId, state: "active" }, select: MEMBER });
  }

  unlinkedByName(organizationId: string, name: string): Promise<MemberRecord[]> {
    return this.db.member.findMany({
      where: { organizationId, name, personId: null, state: "active" },
      select: MEMBER,
    });
  }

  update(id: string, data: Partial<Omit<MemberRecord, "id" | "code">>): Promise<MemberRecord> {
    return this.db.member.update({ where: { id }, data, select: MEMBER });
  }

  async existingKeys(organizationId: string): Promise<{ names: Set<string>; phones: Set<string> }> {
    const rows = await this.db.member.findMany({
      where: { organizationId, state: "active" },
      select: { name: true, phone: true },
    });
    return {
      names: new Set(rows.map((r) => r.name)),
      phones: new Set(rows.flatMap((r) => (r.phone ? [r.phone] : []))),
    };
  }

  async codesTaken(codes: string[]): Promise<Set<string>> {
    const rows = await this.db.member.findMany({ where: { code: { in: codes } }, select: { code: true } });
    return new Set(rows.map((r) => r.code));
  }
}

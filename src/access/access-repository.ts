// Persistence of role assignments.
import type { Tx } from "../db/database.js";

export interface Assignment {
  organizationId: string | null;
  role: string;
}

export class AccessRepository {
  constructor(private readonly db: Tx) {}

  /** Asked on every command (roles), hence raw: a third of the CPU of a compiled query. */
  assignmentsOf(personId: string): Promise<Assignment[]> {
    return this.db.$queryRaw<Assignment[]>`
      SELECT "organizationId", "role" FROM "RoleAssignment" WHERE "personId" = ${personId}`;
  }

  async grant(personId: string, organizationId: string | null, role: string, grantedById: string | null) {
    const existing = await this.db.roleAssignment.findFirst({ where: { personId, organizationId, role } });
    if (existing) return false;
    await this.db.roleAssignment.create({ data: { personId, organizationId, role, grantedById } });
    return true;
  }

  async revoke(personId: string, organizationId: string | null, role: string): Promise<boolean> {
    const { count } = await this.db.roleAssignment.deleteMany({ where: { personId, organizationId, role } });
    return count > 0;
  }

  async adminCount(): Promise<number> {
    return this.db.roleAssignment.count({ where: { role: "org_admin" } });
  }

  /** Who holds a role in the organisation (null: the installation's administrators). */
  holders(organizationId: string | null): Promise<{ personId: string; role: string }[]> {
    return this.db.roleAssignment.findMany({
      where: { organizationId },
      select: { personId: true, role: true },
    });
  }

  /** Organisations where the person holds any role, oldest first. */
  async organizationsOf(personId: string): Promise<string[]> {
    const rows = await this.db.roleAssignment.findMany({
      where: { personId, organizationId: { not: null } },
      select: { organizationId: true },
      orderBy: { createdAt: "asc" },
    });
    return rows.flatMap((r) => (r.organizationId ? [r.organizationId] : []));
  }

  /** Only one unused bootstrap code exists at a time: a new start replaces the old one. */
  async replaceBootstrapCode(codeHash: string, now: Date): Promise<void> {
    await this.db.bootstrapCode.deleteMany({ where: { usedAt: null } });
    await this.db.bootstrapCode.create({ data: { codeHash, createdAt: now } });
  }

  async useBootstrapCode(codeHash: string, personId: string, now: Date): Promise<boolean> {
    const { count } = await this.db.bootstrapCode.updateMany({
      where: { codeHash, usedAt: null },
      data: { usedAt: now, usedById: personId },
    });
    return count === 1;
  }
}

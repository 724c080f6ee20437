// An append-only record of who changed what, for secretaries and inspectors.
import type { Tx } from "../db/database.js";

export interface AuditInput {
  at: Date;
  actorPersonId: string | null;
  organizationId: string | null;
  action: string;
  details?: Record<string, unknown>;
}

export class AuditRepository {
  constructor(private readonly db: Tx) {}

  async record(entry: AuditInput): Promise<void> {
    await this.db.auditEntry.create({ data: { ...entry, details: JSON.stringify(entry.details ?? {}) } });
  }

  /** What one person did at one instant: `audit.by(actorId, now).did(org.id, "org.create", { name })`. */
  by(actorPersonId: string | null, at: Date) {
    return {
      did: (organizationId: string | null, action: string, details?: Record<string, unknown>) =>
        this.record({ at, actorPersonId, organizationId, action, details }),
    };
  }

  list(organizationId: string, limit = 50) {
    return this.db.auditEntry.findMany({ where: { organizationId }, orderBy: { at: "desc" }, take: limit });
  }
}

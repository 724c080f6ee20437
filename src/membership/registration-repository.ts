// Persistence of community registrations (在职党员报到) and their approval.
import type { Tx } from "../db/database.js";
import { MEMBER } from "./member-repository.js";

export type RegistrationStatus = "pending" | "approved" | "rejected";

export interface RegistrationRecord {
  id: string;
  code: string | null;
  memberId: string;
  organizationId: string;
  registeredAt: Date;
  status: string;
}

const REGISTRATION = {
  id: true,
  code: true,
  memberId: true,
  organizationId: true,
  registeredAt: true,
  status: true,
} as const;

export class RegistrationRepository {
  constructor(private readonly db: Tx) {}

  find(memberId: string, organizationId: string): Promise<RegistrationRecord | null> {
    return this.db.communityRegistration.findUnique({
      where: { memberId_organizationId: { memberId, organizationId } },
      select: REGISTRATION,
    });
  }

  byCode(code: string): Promise<RegistrationRecord | null> {
    return this.db.communityRegistration.findUnique({ where: { code }, select: REGISTRATION });
  }

  codeTaken(code: string): Promise<boolean> {
    return this.db.communityRegistration.count({ where: { code } }).then((n) => n > 0);
  }

  /** A new request, or a rejected one asked again: pending, with a fresh code. */
  async request(
    memberId: string,
    organizationId: string,
    code: string,
    at: Date,
  ): Promise<RegistrationRecord> {
    const data = {
      code,
      registeredAt: at,
      status: "pending",
      decidedById: null,
      decidedAt: null,
      reason: null,
    };
    return this.db.communityRegistration.upsert({
      where: { memberId_organizationId: { memberId, organizationId } },
      create: { memberId, organizationId, ...data },
      update: data,
      select: REGISTRATION,
    });
  }

  /** Decides a pending request; false when it was decided meanwhile. */
  async decide(
    id: string,
    decision: {
      status: "approved" | "rejected";
      decidedById: string;
      decidedAt: Date;
      reason: string | null;
    },
  ): Promise<boolean> {
    const { count } = await this.db.communityRegistration.updateMany({
      where: { id, status: "pending" },
      data: decision,
    });
    return count === 1;
  }

  /** Pending requests at these organisations, oldest first, with who asks and from which branch. */
  pendingAt(organizationIds: string[]) {
    return this.db.communityRegistration.findMany({
      where: { organizationId: { in: organizationIds }, status: "pending", member: { state: "active" } },
      select: {
        ...REGISTRATION,
        organization: { select: { name: true } },
        member: { select: { name: true, organization: { select: { name: true } } } },
      },
      orderBy: { registeredAt: "asc" },
    });
  }

  /** Approved in-service members of a community, for its roster. */
  approvedAt(organizationId: string) {
    return this.db.communityRegistration.findMany({
      where: { organizationId, status: "approved", member: { state: "active" } },
      select: {
        registeredAt: true,
        member: { select: { ...MEMBER, organization: { select: { name: true } } } },
      },
      orderBy: { registeredAt: "asc" },
    });
  }

  /** Communities where the member's registration was approved: where they take part. */
  async approvedOrganizationIds(memberId: string): Promise<string[]> {
    const rows = await this.db.communityRegistration.findMany({
      where: { memberId, status: "approved" },
      select: { organizationId: true },
    });
    return rows.map((r) => r.organizationId);
  }

  /** A member's registrations with their state, for the profile. */
  of(memberId: string) {
    return this.db.communityRegistration.findMany({
      where: { memberId, status: { in: ["pending", "approved"] } },
      select: { registeredAt: true, status: true, organization: { select: { name: true, code: true } } },
      orderBy: { registeredAt: "asc" },
    });
  }
}

// Who is speaking in a group chat, where that chat belongs and what the speaker holds there, in
// one query. Every command in a group asks this before anything else; on PostgreSQL each round
// trip costs the server a parse and a plan, so five small lookups folded into one UNION ALL make
// the difference between ~180 and several hundred check-ins a second (bench/check-in.ts).
import { Prisma } from "../db/database.js";
import type { RawSql } from "../db/raw-sql.js";
import type { PersonRecord } from "../identity/identity-repository.js";
import { type OrgRecord, toOrgRecord } from "../organization/organization-repository.js";
import type { Assignment } from "./access-repository.js";

export interface GroupContextRows {
  person: PersonRecord | null;
  /** The bound organisation first, then its parents up to the root; empty when unbound. */
  chain: OrgRecord[];
  assignments: Assignment[];
  /** Branches where the person is an active member. */
  branchIds: string[];
}

interface Row {
  row: "person" | "org" | "role" | "member";
  depth: number | bigint;
  a: string | null;
  b: string | null;
  c: string | null;
  d: string | null;
  e: string | null;
  f: string | null;
  g: string | null;
}

export class ContextRepository {
  constructor(private readonly raw: RawSql) {}

  async inGroup(
    user: { platform: string; externalId: string },
    chat: { platform: string; externalId: string },
  ): Promise<GroupContextRows> {
    // Columns a..g are generic slots; each row kind says what they hold.
    const rows = await this.raw.query<Row>(Prisma.sql`
      WITH RECURSIVE
        "who" AS (
          SELECT p."id", p."displayName", p."locale", p."currentOrganizationId"
          FROM "PlatformAccount" a JOIN "Person" p ON p."id" = a."personId"
          WHERE a."platform" = ${user.platform} AND a."externalId" = ${user.externalId}),
        "up" ("id", "depth") AS (
          SELECT c."organizationId", 0 FROM "Chat" c
          WHERE c."platform" = ${chat.platform} AND c."externalId" = ${chat.externalId}
            AND c."organizationId" IS NOT NULL
          UNION ALL
          SELECT o."parentId", "up"."depth" + 1 FROM "up" JOIN "Organization" o ON o."id" = "up"."id"
          WHERE o."parentId" IS NOT NULL AND "up"."depth" < 16)
      SELECT 'person' AS "row", 0 AS "depth", "id" AS "a", "displayName" AS "b", "locale" AS "c",
             "currentOrganizationId" AS "d", NULL AS "e", NULL AS "f", NULL AS "g"
      FROM "who"
      UNION ALL
      SELECT 'org', "up"."depth", o."id", o."code", o."kind", o."name", o."timeZone", o."parentId", o."settings"
      FROM "up" JOIN "Organization" o ON o."id" = "up"."id"
      UNION ALL
      SELECT 'role', 0, r."organizationId", r."role", NULL, NULL, NULL, NULL, NULL
      FROM "RoleAssignment" r JOIN "who" ON r."personId" = "who"."id"
      UNION ALL
      SELECT 'member', 0, m."organizationId", NULL, NULL, NULL, NULL, NULL, NULL
      FROM "Member" m JOIN "who" ON m."personId" = "who"."id" WHERE m."state" = 'active'`);

    const result: GroupContextRows = { person: null, chain: [], assignments: [], branchIds: [] };
    const orgs: { depth: number; org: OrgRecord }[] = [];
    for (const r of rows) {
      if (r.row === "person" && r.a && r.b)
        result.person = { id: r.a, displayName: r.b, locale: r.c, currentOrganizationId: r.d };
      else if (r.row === "org" && r.a && r.b && r.c && r.d && r.g !== null)
        orgs.push({
          depth: Number(r.depth),
          org: toOrgRecord({
            id: r.a,
            code: r.b,
            kind: r.c,
            name: r.d,
            timeZone: r.e,
            parentId: r.f,
            settings: r.g,
          }),
        });
      else if (r.row === "role" && r.b) result.assignments.push({ organizationId: r.a, role: r.b });
      else if (r.row === "member" && r.a) result.branchIds.push(r.a);
    }
    result.chain = orgs.sort((x, y) => x.depth - y.depth).map((o) => o.org);
    return result;
  }
}

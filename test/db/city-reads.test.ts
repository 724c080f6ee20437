// The weekly board's whole-city reads, a page or a span at a time: the organisation tree read in
// pages comes back whole and in the database's own order of ids (which PostgreSQL's collation may
// not share with JavaScript), and uncomputed tallies are found and computed across spans.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/db/database.js";
import { LeaderboardRepository } from "../../src/leaderboard/leaderboard-repository.js";
import { TallyKeeper } from "../../src/leaderboard/tally-keeper.js";
import { TallyRepository } from "../../src/leaderboard/tally-repository.js";
import { OrgZones } from "../../src/organization/org-zones.js";
import { OrganizationRepository } from "../../src/organization/organization-repository.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

const at = new Date("2026-04-06T01:00:00Z");
// Ids whose order differs between byte order and a linguistic collation (case, hyphens, digits).
const branchIds = [
  "b9",
  "b10",
  "B11",
  "b-12",
  "b12",
  "ba",
  "bA",
  "b_13",
  "c0",
  "Z1",
  "a-2",
  "a1",
  "a10",
  "a2",
  "社区1",
  "社区2",
  "m-1",
  "m1",
  "M2",
  "n",
  "N",
  "o-o",
  "oo",
];

describe("reading a whole city", () => {
  let database: TestDatabase;
  let db: Database;
  beforeEach(async () => {
    database = createTestDatabase();
    db = await openDatabase(database.config);
    await db.prisma.organization.create({
      data: { id: "committee", code: "C1", kind: "committee", name: "南湖街道党工委", settings: "{}" },
    });
    await db.prisma.organization.createMany({
      data: branchIds.map((id, i) => ({
        id,
        code: `B${i}`,
        kind: "branch",
        name: `社区党支部${i}`,
        parentId: "committee",
        settings: "{}",
      })),
    });
  });
  afterEach(async () => {
    await db.close();
    await database.drop();
  });

  it("reads the organisation tree a page at a time, whole and in the database's order", async () => {
    const repo = new LeaderboardRepository(db.prisma, db.raw);
    const expected = (await db.prisma.organization.findMany({ orderBy: { id: "asc" } })).map((o) => o.id);
    for (const size of [1, 5, 24, 25, 5000]) {
      const ids = (await repo.organizations(size)).map((o) => o.id);
      expect(ids).toEqual(expected);
    }
  });

  it("computes the tallies of exactly the branches that have none, span by span", async () => {
    const tallyRepo = new TallyRepository(db.prisma, db.raw);
    const keeper = new TallyKeeper(
      tallyRepo,
      new OrgZones(new OrganizationRepository(db.prisma), "Asia/Shanghai"),
    );
    const ordered = (await new LeaderboardRepository(db.prisma, db.raw).organizations())
      .filter((o) => o.kind === "branch")
      .map((o) => ({ id: o.id, zone: "Asia/Shanghai" }));
    const earlier = new Date("2026-04-01T01:00:00Z");
    const some = ordered.filter((_, i) => i % 3 === 0).map((b) => b.id);
    await keeper.ensureAll(
      ordered.filter((b) => some.includes(b.id)),
      at,
      earlier,
    );

    await keeper.ensureAll(ordered, at, at, 4);

    const marks = await db.prisma.tallyYear.findMany({ where: { year: 2026 } });
    expect(marks.map((m) => m.organizationId).sort()).toEqual([...branchIds].sort());
    // Those computed before were left alone: nothing is recomputed for nothing.
    for (const mark of marks)
      expect(mark.refreshedAt.toISOString()).toBe(
        (some.includes(mark.organizationId) ? earlier : at).toISOString(),
      );
  });
});

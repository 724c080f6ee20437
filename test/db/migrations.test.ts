import Sqlite from "better-sqlite3";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/database.js";
import { loadMigrations, MigrationError, migratePostgres, migrateSqlite } from "../../src/db/migrate.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

async function migrate(database: TestDatabase, migrations?: ReturnType<typeof loadMigrations>) {
  const { config } = database;
  if (config.provider === "sqlite") return migrateSqlite(config.path, migrations);
  return migratePostgres(config.url, config.schema, migrations);
}

/** Statements with "?" placeholders run with the driver on an unmigrated-to-latest database. */
async function previousVersionRows(database: TestDatabase, statements: [string, string[]][]) {
  const { config } = database;
  if (config.provider === "sqlite") {
    const db = new Sqlite(config.path);
    // Instants as the app stores them on SQLite.
    for (const [sql, params] of statements)
      db.prepare(sql).run(...params.map((p) => (/^\d{4}-\d\d-\d\dT/.test(p) ? p.replace("Z", "+00:00") : p)));
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  await client.query(`SET search_path TO "${config.schema}"`);
  for (const [sql, params] of statements) {
    let n = 0;
    await client.query(
      sql.replace(/\?/g, () => `$${++n}`),
      params,
    );
  }
  await client.end();
}

describe("migrations apply themselves at startup, offline", () => {
  let database: TestDatabase;
  beforeEach(() => {
    database = createTestDatabase();
  });
  afterEach(async () => {
    await database.drop();
  });

  it("migrates an empty database, then finds nothing to do on the next start", async () => {
    const all = loadMigrations(database.config.provider).map((m) => m.name);
    expect(await migrate(database)).toEqual(all);
    expect(await migrate(database)).toEqual([]);
  });

  it("applies each migration once when two instances start at the same moment", async () => {
    const results = await Promise.all([migrate(database), migrate(database)]);
    expect(results.flat().sort()).toEqual(loadMigrations(database.config.provider).map((m) => m.name));
  });

  it("refuses to start when an applied migration was edited afterwards", async () => {
    await migrate(database);
    const edited = loadMigrations(database.config.provider).map((m, i) =>
      i === 0 ? { ...m, checksum: "0".repeat(64) } : m,
    );
    await expect(migrate(database, edited)).rejects.toThrow(MigrationError);
  });

  it("keeps the data across a restart", async () => {
    const first = await openDatabase(database.config);
    await first.prisma.person.create({ data: { displayName: "党员甲", locale: "zh-CN" } });
    await first.close();
    const second = await openDatabase(database.config);
    expect(await second.prisma.person.findMany({ select: { displayName: true } })).toEqual([
      { displayName: "党员甲" },
    ]);
    await second.close();
  });

  it("brings a populated database of the previous version forward: job runs keep their rows, a run left running is recoverable", async () => {
    const all = loadMigrations(database.config.provider);
    const leases = all.findIndex((m) => m.name.endsWith("_job_leases"));
    expect(leases).toBeGreaterThan(0);
    await migrate(database, all.slice(0, leases));
    const at = "2026-03-09T01:00:00.000Z";
    // The previous version's rows, written with the driver (opening the app would migrate): a
    // finished run, one whose instance died, and a branch under its committee.
    await previousVersionRows(database, [
      [
        `INSERT INTO "JobRun" ("jobId", "slot", "status", "claimedBy", "startedAt") VALUES (?, ?, ?, 'old', ?)`,
        ["absence-warnings", at, "done", at],
      ],
      [
        `INSERT INTO "JobRun" ("jobId", "slot", "status", "claimedBy", "startedAt") VALUES (?, ?, ?, 'old', ?)`,
        ["weekly-leaderboard", at, "running", at],
      ],
      [
        `INSERT INTO "Organization" ("id", "code", "kind", "name", "settings", "createdAt") VALUES ('c1', 'NH01', 'committee', '南湖街道党工委', '{}', ?)`,
        [at],
      ],
      [
        `INSERT INTO "Organization" ("id", "code", "kind", "name", "settings", "createdAt", "parentId") VALUES ('b1', 'XF01', 'branch', '幸福里社区党支部', '{}', ?, 'c1')`,
        [at],
      ],
    ]);
    const parent = { id: "c1" };

    expect(await migrate(database)).toEqual(all.slice(leases).map((m) => m.name));
    const after = await openDatabase(database.config);
    const runs = await after.prisma.jobRun.findMany({ orderBy: { jobId: "asc" } });
    expect(runs.map((r) => [r.jobId, r.status, r.attempts, r.leaseUntil])).toEqual([
      ["absence-warnings", "done", 1, null],
      ["weekly-leaderboard", "running", 1, null],
    ]);
    // No lease recorded: taken for expired, so another instance can take the run over.
    const recoverable = await after.prisma.jobRun.findMany({
      where: { status: "running", leaseUntil: null },
    });
    expect(recoverable).toHaveLength(1);
    const branch = await after.prisma.organization.findUniqueOrThrow({ where: { code: "XF01" } });
    expect(branch.parentId).toBe(parent.id);
    await after.close();
  });

  it("rebuilds a table the way Prisma alters SQLite ones without firing ON DELETE on the rows pointing at it", async () => {
    if (database.config.provider !== "sqlite") return;
    const file = database.config.path;
    await migrate(database);
    const at = "2026-03-09T01:00:00.000Z";
    await previousVersionRows(database, [
      [
        `INSERT INTO "Organization" ("id", "code", "kind", "name", "settings", "createdAt") VALUES ('c1', 'NH01', 'committee', '南湖街道党工委', '{}', ?)`,
        [at],
      ],
      [
        `INSERT INTO "Organization" ("id", "code", "kind", "name", "settings", "createdAt", "parentId") VALUES ('b1', 'XF01', 'branch', '幸福里社区党支部', '{}', ?, 'c1')`,
        [at],
      ],
    ]);
    const db = new Sqlite(file);
    const ddl = (
      db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'Organization'`).get() as { sql: string }
    ).sql;
    db.close();
    // Prisma's "RedefineTables": a new table, the rows copied, the old one dropped, renamed.
    const rebuild = {
      name: "9999_rebuild_organization",
      checksum: "rebuild",
      sql: [
        "PRAGMA defer_foreign_keys=ON;",
        "PRAGMA foreign_keys=OFF;",
        `${ddl.replace('CREATE TABLE "Organization"', 'CREATE TABLE "new_Organization"')};`,
        `INSERT INTO "new_Organization" SELECT * FROM "Organization";`,
        `DROP TABLE "Organization";`,
        `ALTER TABLE "new_Organization" RENAME TO "Organization";`,
        "PRAGMA foreign_keys=ON;",
        "PRAGMA defer_foreign_keys=OFF;",
      ].join("\n"),
    };
    expect(migrateSqlite(file, [...loadMigrations("sqlite"), rebuild])).toEqual([rebuild.name]);
    const after = new Sqlite(file);
    expect(after.prepare(`SELECT "parentId" FROM "Organization" WHERE "id" = 'b1'`).get()).toEqual({
      parentId: "c1",
    });
    after.close();
  });

  it("refuses a migration that would leave a broken foreign key, applying none of it", async () => {
    if (database.config.provider !== "sqlite") return;
    const file = database.config.path;
    await migrate(database);
    const orphan = {
      name: "9999_orphan",
      checksum: "orphan",
      sql: `INSERT INTO "Member" ("id", "code", "name", "status", "state", "organizationId", "createdAt", "updatedAt") VALUES ('m1', 'M1', '孤儿', 'full', 'active', 'nowhere', '2026-01-01T00:00:00.000+00:00', '2026-01-01T00:00:00.000+00:00');`,
    };
    expect(() => migrateSqlite(file, [...loadMigrations("sqlite"), orphan])).toThrow(MigrationError);
    const db = new Sqlite(file);
    expect(db.prepare(`SELECT count(*) AS n FROM "Member"`).get()).toEqual({ n: 0 });
    expect(
      db.prepare(`SELECT count(*) AS n FROM "_app_migrations" WHERE name = '9999_orphan'`).get(),
    ).toEqual({ n: 0 });
    db.close();
  });
});

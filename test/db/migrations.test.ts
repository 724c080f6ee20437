import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/database.js";
import { loadMigrations, MigrationError, migratePostgres, migrateSqlite } from "../../src/db/migrate.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

async function migrate(database: TestDatabase, migrations?: ReturnType<typeof loadMigrations>) {
  const { config } = database;
  if (config.provider === "sqlite") return migrateSqlite(config.path, migrations);
  return migratePostgres(config.url, config.schema, migrations);
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
});

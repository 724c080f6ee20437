// Every migration, applied to a populated database of the version before it, on the engine the
// suite runs on: no row lost, no key emptied, none left pointing nowhere — and at the end the
// current client reads every row.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, Prisma } from "../../src/db/database.js";
import { loadMigrations, migratePostgres, migrateSqlite } from "../../src/db/migrate.js";
import { census, fill, inspect } from "../support/schema-filler.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

async function migrate(database: TestDatabase, migrations: ReturnType<typeof loadMigrations>) {
  const { config } = database;
  if (config.provider === "sqlite") return migrateSqlite(config.path, migrations);
  return migratePostgres(config.url, config.schema, migrations);
}

describe("each migration on a populated database of the previous version", () => {
  let database: TestDatabase;
  beforeEach(() => {
    database = createTestDatabase();
  });
  afterEach(async () => {
    await database.drop();
  });

  it("keeps every row and every foreign key, migration by migration", async () => {
    const all = loadMigrations(database.config.provider);
    expect(all.length).toBeGreaterThan(1);
    await migrate(database, all.slice(0, 1));
    for (let i = 1; i < all.length; i++) {
      const name = all[i]?.name ?? "";
      let db = await inspect(database);
      await fill(db);
      const before = await census(db);
      await db.close();
      expect(await migrate(database, all.slice(0, i + 1)), name).toEqual([name]);
      db = await inspect(database);
      const after = await census(db);
      expect(await db.brokenKeys(), `${name}: broken foreign keys`).toBe(0);
      await db.close();
      for (const [table, was] of before) {
        const now = after.get(table);
        expect(now, `${name} dropped table ${table}`).toBeDefined();
        expect(now?.rows, `${name}: rows of ${table}`).toBe(was.rows);
        for (const [column, set] of was.keys)
          if (now?.keys.has(column))
            expect(now.keys.get(column), `${name}: ${table}.${column} set`).toBe(set);
      }
    }
    // The newest tables filled too, then everything read through the current client.
    const db = await inspect(database);
    await fill(db);
    const final = await census(db);
    await db.close();
    const app = await openDatabase(database.config);
    try {
      for (const model of Object.values(Prisma.ModelName)) {
        const delegate = (app.prisma as unknown as Record<string, { findMany(): Promise<unknown[]> }>)[
          model.charAt(0).toLowerCase() + model.slice(1)
        ];
        expect((await delegate?.findMany())?.length, model).toBe(final.get(model)?.rows);
      }
    } finally {
      await app.close();
    }
  });
});

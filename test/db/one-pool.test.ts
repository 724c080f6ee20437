// On PostgreSQL an instance holds one pool of connections, shared by Prisma and the raw path:
// under load from both at once it never opens more than that pool's size.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Database, openDatabase, Prisma } from "../../src/db/database.js";
import { ONCE } from "../../src/db/raw-sql.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

const onPostgres = process.env.DATABASE_URL?.startsWith("postgres") ?? false;

describe.skipIf(!onPostgres)("one PostgreSQL pool per instance", () => {
  let database: TestDatabase;
  let db: Database;
  beforeEach(async () => {
    database = createTestDatabase();
    db = await openDatabase(database.config);
  });
  afterEach(async () => {
    await db.close();
    await database.drop();
  });

  it("serves Prisma's queries and the raw path's from the same 16 connections", async () => {
    if (database.config.provider !== "postgresql") return;
    const marker = `one_pool_${randomBytes(4).toString("hex")}`;
    const sleep = `SELECT pg_sleep(0.4)::text AS ${marker}`;
    const busy = Promise.all([
      ...Array.from({ length: 20 }, () => db.prisma.$queryRawUnsafe(sleep)),
      ...Array.from({ length: 20 }, () => db.raw.query(Prisma.raw(sleep), ONCE)),
    ]);
    const watcher = new pg.Client({ connectionString: database.config.url });
    await watcher.connect();
    await new Promise((resolve) => setTimeout(resolve, 250));
    const { rows } = await watcher.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE $1 AND pid <> pg_backend_pid()",
      [`%${marker}%`],
    );
    await watcher.end();
    await busy;
    // Two pools (Prisma's and the driver's, 10 each) would hold 20 at once.
    expect(Number(rows[0]?.n)).toBeGreaterThan(0);
    expect(Number(rows[0]?.n)).toBeLessThanOrEqual(16);
  });
});

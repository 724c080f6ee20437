// SQLite's page reads for the weekly board run on worker threads (src/db/sqlite-raw-sql.ts): they
// answer what is committed, as the one-off reads on this thread do, fail with SQLite's own message
// without taking anything down, and stop with the database.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Database, openDatabase, Prisma } from "../../src/db/database.js";
import { ONCE, PAGE } from "../../src/db/raw-sql.js";

describe.skipIf(process.env.DATABASE_URL?.startsWith("postgres"))("SQLite's read worker", () => {
  let dir: string;
  let db: Database;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "read-worker-"));
    db = await openDatabase({ provider: "sqlite", path: path.join(dir, "bot.db") });
    await db.prisma.organization.create({
      data: { id: "b1", code: "B1", kind: "branch", name: "幸福里社区党支部", settings: "{}" },
    });
  });
  afterEach(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers several reads at once with what is committed", async () => {
    expect(db.raw.offThread).toBe(true);
    const read = (id: string) =>
      db.raw.query<{ name: string }>(Prisma.sql`SELECT "name" FROM "Organization" WHERE "id" = ${id}`, PAGE);
    const [first, none] = await Promise.all([read("b1"), read("b2")]);
    expect(first).toEqual([{ name: "幸福里社区党支部" }]);
    expect(none).toEqual([]);
    await db.prisma.organization.create({
      data: { id: "b2", code: "B2", kind: "branch", name: "和平里社区党支部", settings: "{}" },
    });
    expect(await read("b2")).toEqual([{ name: "和平里社区党支部" }]);
    expect(await db.raw.query(Prisma.sql`SELECT "name" FROM "Organization" ORDER BY "id"`, ONCE)).toEqual([
      { name: "幸福里社区党支部" },
      { name: "和平里社区党支部" },
    ]);
  });

  it("fails a bad read with SQLite's message and goes on answering the next", async () => {
    await expect(db.raw.query(Prisma.sql`SELECT "nope" FROM "Organization"`, PAGE)).rejects.toThrow(
      /no such column: "nope"/,
    );
    expect(await db.raw.query(Prisma.sql`SELECT COUNT(*) AS n FROM "Organization"`, PAGE)).toEqual([
      { n: 1 },
    ]);
  });

  it("refuses reads once the database is closed", async () => {
    await db.close();
    await expect(db.raw.query(Prisma.sql`SELECT 1 AS one`, PAGE)).rejects.toThrow(/closed/);
    await expect(db.raw.query(Prisma.sql`SELECT 1 AS one`, ONCE)).rejects.toThrow(/closed/);
    db = await openDatabase({ provider: "sqlite", path: path.join(dir, "bot.db") });
  });
});

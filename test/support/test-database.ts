// A fresh, empty database per test: a temporary SQLite file by default, or a new schema in the
// PostgreSQL database that DATABASE_URL points at (CI runs the suite both ways).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { type DatabaseConfig, parsePostgresUrl } from "../../src/config.js";

export interface TestDatabase {
  config: DatabaseConfig;
  drop(): Promise<void>;
}

export const testProvider = (): "sqlite" | "postgresql" =>
  process.env.DATABASE_URL?.startsWith("postgres") ? "postgresql" : "sqlite";

export function createTestDatabase(): TestDatabase {
  const url = process.env.DATABASE_URL;
  if (url?.startsWith("postgres")) {
    const base = parsePostgresUrl(url).url;
    const schema = `test_${randomBytes(6).toString("hex")}`;
    return {
      config: { provider: "postgresql", url: base, schema },
      async drop() {
        const client = new pg.Client({ connectionString: base });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "party-bot-test-"));
  return {
    config: { provider: "sqlite", path: path.join(dir, "test.db") },
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

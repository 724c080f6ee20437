// Applies the SQL migrations in prisma/migrations/<provider>/ at startup, offline, through the raw
// drivers. We do not call Prisma Migrate at runtime: it needs the CLI and trips over
// prisma/orm#27403 on PostgreSQL and P1014 on an empty SQLite file (docs/architecture.md).
// Each run holds a lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock) so two instances
// starting together apply each migration once.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Sqlite from "better-sqlite3";
import pg from "pg";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export type Provider = "sqlite" | "postgresql";

const MIGRATIONS_ROOT = fileURLToPath(new URL("../../prisma/migrations/", import.meta.url));
export const MIGRATIONS_TABLE = "_app_migrations";
const TABLE = MIGRATIONS_TABLE;

export function loadMigrations(provider: Provider, root = MIGRATIONS_ROOT): Migration[] {
  const dir = `${root}${provider}`;
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(`${dir}/${name}/migration.sql`, "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

function pending(migrations: Migration[], applied: Map<string, string>): Migration[] {
  for (const [name, checksum] of applied) {
    const known = migrations.find((m) => m.name === name);
    if (!known) throw new MigrationError(`database has migration ${name} that this version does not know`);
    if (known.checksum !== checksum) {
      throw new MigrationError(`migration ${name} was changed after it was applied (checksum differs)`);
    }
  }
  return migrations.filter((m) => !applied.has(m.name));
}

/** Returns the names of the migrations it applied. */
export function migrateSqlite(file: string, migrations = loadMigrations("sqlite")): string[] {
  const db = new Sqlite(file, { timeout: 10_000 });
  try {
    db.pragma("journal_mode = WAL");
    db.exec(
      `CREATE TABLE IF NOT EXISTS "${TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`,
    );
    // Foreign keys are switched off outside the transaction (inside one the pragma does nothing):
    // a table rebuild (Prisma's way of altering a SQLite table) must not fire ON DELETE actions
    // on the rows that point at the old table. Before committing, every key is checked instead.
    db.pragma("foreign_keys = OFF");
    const run = db.transaction(() => {
      const rows = db.prepare(`SELECT name, checksum FROM "${TABLE}"`).all() as {
        name: string;
        checksum: string;
      }[];
      const todo = pending(migrations, new Map(rows.map((r) => [r.name, r.checksum])));
      const record = db.prepare(`INSERT INTO "${TABLE}" (name, checksum, applied_at) VALUES (?, ?, ?)`);
      for (const migration of todo) {
        db.exec(migration.sql);
        record.run(migration.name, migration.checksum, new Date().toISOString());
      }
      const broken = db.prepare("PRAGMA foreign_key_check").all() as { table: string; parent: string }[];
      if (broken.length > 0)
        throw new MigrationError(
          `migration would leave ${broken.length} broken foreign key(s), first ${broken[0]?.table} → ${broken[0]?.parent}; nothing was applied`,
        );
      return todo.map((m) => m.name);
    });
    return run.immediate();
  } finally {
    db.close();
  }
}

export async function migratePostgres(
  url: string,
  schema: string,
  migrations = loadMigrations("postgresql"),
): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const quoted = `"${schema.replaceAll('"', '""')}"`;
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext('party-branch-bot:migrations'))");
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}`);
    await client.query(`SET LOCAL search_path TO ${quoted}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ name: string; checksum: string }>(
      `SELECT name, checksum FROM "${TABLE}"`,
    );
    const todo = pending(migrations, new Map(rows.map((r) => [r.name, r.checksum])));
    for (const migration of todo) {
      await client.query(migration.sql);
      await client.query(`INSERT INTO "${TABLE}" (name, checksum) VALUES ($1, $2)`, [
        migration.name,
        migration.checksum,
      ]);
    }
    await client.query("COMMIT");
    return todo.map((m) => m.name);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

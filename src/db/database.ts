// Creates the Prisma client for the configured database, after applying migrations. This module
// and the repositories are the only code that knows Prisma.

import { chmodSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { DatabaseConfig } from "../config.js";
import { PrismaClient as PostgresClient } from "../generated/postgresql/client.js";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client.js";
import { loadMigrations, MIGRATIONS_TABLE, migratePostgres, migrateSqlite } from "./migrate.js";
import { Prisma, type PrismaDb, type Tx } from "./prisma.js";
import { PgRawSql, type RawSql, viaPrisma } from "./raw-sql.js";
import { SafeSqliteAdapterFactory } from "./sqlite-adapter.js";
import { SqliteRawSql } from "./sqlite-raw-sql.js";

export { Prisma, type PrismaDb, type Tx };

export interface Database {
  readonly provider: DatabaseConfig["provider"];
  readonly prisma: PrismaDb;
  /** The hot path's raw SQL outside transactions (see raw-sql.ts). */
  readonly raw: RawSql;
  /** Runs fn in one transaction: everything it writes commits together or not at all. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  /** Migrations this version has that the database has not applied (readiness). */
  pendingMigrations(): Promise<string[]>;
  /**
   * The storage fault the last transaction failed on (disk full, I/O error, read-only), until a
   * transaction commits again (readiness: the database is unwritable while it lasts).
   */
  writeFault(): { at: Date; message: string } | null;
  close(): Promise<void>;
}

const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  let pool: pg.Pool | null = null;
  let prisma: PrismaDb;
  let driver: PgRawSql | SqliteRawSql | null = null;
  if (config.provider === "postgresql") {
    pool = await openPool(config);
    prisma = postgresClient(pool, config);
    driver = new PgRawSql(pool);
  } else {
    prisma = await openSqlite(config.path);
    if (config.path !== ":memory:") driver = new SqliteRawSql(config.path, viaPrisma(prisma));
  }
  let fault: { at: Date; message: string } | null = null;
  return {
    provider: config.provider,
    prisma,
    raw: driver ?? viaPrisma(prisma),
    transaction: async (fn) => {
      try {
        const result = await prisma.$transaction(fn, TRANSACTION_OPTIONS);
        fault = null;
        return result;
      } catch (error) {
        if (isStorageFault(error)) fault = { at: new Date(), message: faultMessage(error) };
        throw error;
      }
    },
    writeFault: () => fault,
    ping: async () => {
      await prisma.$queryRawUnsafe("SELECT 1");
    },
    pendingMigrations: async () => {
      const applied = new Set(
        (await prisma.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM "${MIGRATIONS_TABLE}"`)).map(
          (r) => r.name,
        ),
      );
      return loadMigrations(config.provider)
        .map((m) => m.name)
        .filter((name) => !applied.has(name));
    },
    close: async () => {
      if (driver instanceof SqliteRawSql) await driver.close();
      await prisma.$disconnect();
      await pool?.end();
    },
  };
}

async function openSqlite(file: string): Promise<PrismaDb> {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  migrateSqlite(file);
  keepPrivate(file);
  // journal_mode=WAL is stored in the file by the migrator; the rest is per connection.
  const prisma = new SqliteClient({ adapter: new SafeSqliteAdapterFactory({ url: file, timeout: 5_000 }) });
  await prisma.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await prisma.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  // A 32 MB page cache (the default is 2 MB): ledgers and leaderboards read large ranges.
  await prisma.$queryRawUnsafe("PRAGMA cache_size = -32768");
  return prisma;
}

/**
 * The database holds every member's personal details: the file and its WAL companions are the
 * owner's alone (0600), whatever the umask made them.
 */
function keepPrivate(file: string): void {
  if (file === ":memory:") return;
  for (const part of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(part)) chmodSync(part, 0o600);
}

/**
 * The instance's one PostgreSQL pool, after migrating: Prisma's adapter and the raw path share it
 * (one set of connections per instance, not one per path).
 */
async function openPool(config: { url: string; schema: string }): Promise<pg.Pool> {
  await migratePostgres(config.url, config.schema);
  const searchPath = `-c search_path="${config.schema.replaceAll('"', '""')}"`;
  return new pg.Pool({ connectionString: config.url, options: searchPath, max: PG_POOL_MAX });
}

function postgresClient(pool: pg.Pool, config: { schema: string }): PrismaDb {
  const adapter = new PrismaPg(pool, { schema: config.schema });
  return new PostgresClient({ adapter }) as unknown as PrismaDb;
}

/** Connections per instance: what Prisma and the raw path had apart (10 each), a little fewer. */
const PG_POOL_MAX = 16;

const STORAGE_FAULT =
  /SQLITE_FULL|database or disk is full|SQLITE_IOERR|disk I\/O error|SQLITE_READONLY|readonly database|ENOSPC|No space left|could not extend file|53100/;

/** A write the storage refused: a full disk, an I/O error, a read-only file. */
export function isStorageFault(error: unknown): boolean {
  return STORAGE_FAULT.test(faultMessage(error));
}

function faultMessage(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown } };
  return [e?.code, e?.message, e?.cause?.code, e?.cause?.message, String(error)]
    .filter((part) => part !== undefined)
    .join(" ")
    .slice(0, 300);
}

/** True when err is a unique-constraint violation (P2002). */
export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Error && (err as { code?: string }).code === "P2002";
}

/** Conflicts that re-running the whole transaction resolves: unique races, write conflicts, deadlocks. */
export function isRetryableConflict(err: unknown): boolean {
  const code = err instanceof Error ? (err as { code?: string }).code : undefined;
  return code === "P2002" || code === "P2034";
}

// The weekly board's page reads on SQLite, straight on a connection of their own. Through Prisma a
// read of a city page costs its query compiler, its interpreter and a copy of every row; for
// 150 pages that is a tenth of the board's time and much of its garbage (bench/leaderboard-city.ts).
// Only the board's one-off reads (ONCE) come here; everything else, with Prisma's typed results,
// goes through Prisma as before. A second connection to a WAL database reads committed data
// without waiting on writers, which is all a read outside a transaction may see anyway.
import Database from "better-sqlite3";
import type { Prisma } from "./database.js";
import { ONCE, type RawSql } from "./raw-sql.js";

/** Instants as Prisma's SQLite adapter stores them (ISO 8601 with "+00:00"), so ranges compare. */
const asStored = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
};

export class SqliteRawSql implements RawSql {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();

  constructor(
    file: string,
    /** Every other read and write: Prisma's, with its typed results. */
    private readonly fallback: RawSql,
  ) {
    this.#db = new Database(file, { timeout: 5_000 });
    // A 2 MB page cache (better-sqlite3 builds with 16 MB): the board's reads are scans a larger
    // cache does not speed up (measured), and each connection's cache is resident memory.
    this.#db.pragma("cache_size = -2000");
  }

  /** ONCE reads return what SQLite stores: instants come back as ISO text, counts as numbers. */
  async query<T>(sql: Prisma.Sql, mode?: typeof ONCE): Promise<T[]> {
    if (mode !== ONCE) return this.fallback.query<T>(sql);
    return this.#statement(sql.sql).all(...sql.values.map(asStored)) as T[];
  }

  execute(sql: Prisma.Sql, mode?: typeof ONCE): Promise<number> {
    return this.fallback.execute(sql, mode);
  }

  close(): void {
    this.#db.close();
  }

  #statement(text: string): Database.Statement {
    let statement = this.#statements.get(text);
    if (!statement) {
      // A list of ids is spelt into the text (IN (?, ?, …)): bounded, as a list's length varies.
      if (this.#statements.size >= 256) this.#statements.clear();
      statement = this.#db.prepare(text);
      this.#statements.set(text, statement);
    }
    return statement;
  }
}

// Raw SQL for the hottest queries (a group message's context, a check-in). Outside a transaction
// on PostgreSQL they go straight to the driver as named prepared statements: Prisma's raw query
// costs ~0.7 ms of CPU each here (its query compiler runs for raw SQL too), the driver ~0.1 ms,
// and at the start of a meeting the process's CPU is the limit (bench/check-in.ts). Elsewhere,
// and inside transactions, they go through Prisma as before. Only repositories use this.
import { createHash } from "node:crypto";
import pg from "pg";
import type { Prisma, Tx } from "./prisma.js";

export interface RawSql {
  /**
   * Whether PAGE reads run off this thread (a driver's socket, SQLite's read workers), so that
   * several may be on their way at once while this thread does other work.
   */
  readonly offThread?: boolean;
  query<T>(sql: Prisma.Sql, mode?: ReadMode): Promise<T[]>;
  execute(sql: Prisma.Sql, mode?: ReadMode): Promise<number>;
}

/** Not prepared: planned for its parameters each time (a period's ledger, the board's pages). */
export const ONCE = "once" as const;
/**
 * A one-off read of one page of the weekly board: bounded in size, so on SQLite it may run on a
 * read worker and come back by copy (a period's ledger, tens of thousands of lines, is read ONCE on
 * this thread instead, its rows made only once).
 */
export const PAGE = "page" as const;
export type ReadMode = typeof ONCE | typeof PAGE;

export const viaPrisma = (db: Tx): RawSql => ({
  query: <T>(sql: Prisma.Sql) => db.$queryRaw<T[]>(sql),
  execute: (sql: Prisma.Sql) => db.$executeRaw(sql),
});

const TIMESTAMP = 1114;
const INT8 = 20;

/** The same values Prisma returns: instants stored without a zone are UTC; counts are numbers. */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
    if (oid === INT8) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as unknown as pg.CustomTypesConfig;

/**
 * The driver's path on the instance's one pool, shared with Prisma's adapter (database.ts): the
 * type parsers are set per query, so Prisma's own queries keep theirs.
 */
export class PgRawSql implements RawSql {
  readonly offThread = true;
  readonly #pool: pg.Pool;
  readonly #names = new Map<string, string>();

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async query<T>(sql: Prisma.Sql, mode?: ReadMode): Promise<T[]> {
    return (await this.#pool.query(this.#config(sql, mode))).rows as T[];
  }

  async execute(sql: Prisma.Sql, mode?: ReadMode): Promise<number> {
    return (await this.#pool.query(this.#config(sql, mode))).rowCount ?? 0;
  }

  #config(sql: Prisma.Sql, mode?: ReadMode): pg.QueryConfig {
    const text = sql.text;
    // Stored instants are UTC without a zone; PostgreSQL ignores the "Z" of an ISO string here.
    const values = sql.values.map((v) => (v instanceof Date ? v.toISOString() : v));
    // A generic plan would not know a page's span or list: the board's reads are planned each time.
    if (mode === ONCE || mode === PAGE) return { text, values, types };
    // Prepared once per connection under a name derived from the text.
    let name = this.#names.get(text);
    if (!name) {
      name = `h${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
      this.#names.set(text, name);
    }
    return { name, text, values, types };
  }
}

// Raw one-off reads on SQLite, on connections of their own. Through Prisma a read of a city page
// costs its query compiler, its interpreter and a copy of every row. A period's ledger (ONCE) is
// read here on this thread, its rows made once. The weekly board's pages (PAGE) are read on two
// worker threads: on this thread SQLite's own work held the event loop for the whole of each
// query, half of a city board's time; in the workers the queries run beside the board's
// JavaScript, as PostgreSQL's do, and their bounded rows come back by copy. Everything else, with
// Prisma's typed results, goes through Prisma as before. A second connection to a WAL database
// reads committed data without waiting on writers, which is all a read outside a transaction may
// see anyway. Each connection has a 2 MB page cache (better-sqlite3 builds with 16 MB): these reads
// are scans a larger cache does not speed up (measured), and each cache is resident memory.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Prisma } from "./prisma.js";
import { ONCE, PAGE, type RawSql, type ReadMode } from "./raw-sql.js";

/** Instants as Prisma's SQLite adapter stores them (ISO 8601 with "+00:00"), so ranges compare. */
const asStored = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
};

/** One connection and its statements (sqlite-statements.cjs, shared with the read workers). */
interface StatementReader {
  all(text: string, values: unknown[]): unknown[];
  close(): void;
}

const requireHere = createRequire(import.meta.url);
const { openReader } = requireHere("./sqlite-statements.cjs") as {
  openReader(driverPath: string, file: string): StatementReader;
};
const DRIVER = requireHere.resolve("better-sqlite3");
const WORKER = new URL("./sqlite-read-worker.cjs", import.meta.url);

interface Pending {
  resolve(rows: unknown[]): void;
  reject(error: Error): void;
}

/** A worker and the reads it has on its way. */
interface Reader {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * Read workers. A connection runs one statement at a time and a board page has three; with one
 * worker the board waited on it half the time (a city: 2.4–2.9 s with one, 1.8–2.6 s with two).
 */
const READERS = 2;

export class SqliteRawSql implements RawSql {
  readonly offThread = true;
  readonly #file: string;
  /** ONCE reads: large (a period's ledger), on this thread, the rows made once. */
  readonly #once: StatementReader;
  readonly #readers: (Reader | null)[] = Array.from({ length: READERS }, () => null);
  #closed = false;
  #next = 0;

  constructor(
    file: string,
    /** Every other read and write: Prisma's, with its typed results. */
    private readonly fallback: RawSql,
  ) {
    this.#file = file;
    this.#once = openReader(DRIVER, file);
  }

  /** ONCE and PAGE reads return what SQLite stores: instants come back as ISO text, counts as numbers. */
  async query<T>(sql: Prisma.Sql, mode?: ReadMode): Promise<T[]> {
    if (mode !== ONCE && mode !== PAGE) return this.fallback.query<T>(sql);
    if (this.#closed) throw new Error("the database is closed");
    if (mode === ONCE) return this.#once.all(sql.sql, sql.values.map(asStored)) as T[];
    const reader = this.#leastBusy();
    const id = this.#next++;
    return new Promise<T[]>((resolve, reject) => {
      reader.pending.set(id, { resolve: resolve as (rows: unknown[]) => void, reject });
      // Held open only while a read is on its way: an idle worker does not keep the process up.
      if (reader.pending.size === 1) reader.worker.ref();
      reader.worker.postMessage({ id, text: sql.sql, values: sql.values.map(asStored) });
    });
  }

  execute(sql: Prisma.Sql, mode?: ReadMode): Promise<number> {
    return this.fallback.execute(sql, mode);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#once.close();
    const readers = this.#readers.splice(0, this.#readers.length, ...this.#readers.map(() => null));
    await Promise.all(
      readers.map(async (reader) => {
        if (!reader) return;
        fail(reader, new Error("the database is closed"));
        await reader.worker.terminate();
      }),
    );
  }

  /** The reader with the fewest reads on their way, started if it is not running. */
  #leastBusy(): Reader {
    let slot = 0;
    for (let i = 1; i < this.#readers.length; i++) {
      const size = this.#readers[i]?.pending.size ?? 0;
      if (size < (this.#readers[slot]?.pending.size ?? 0)) slot = i;
    }
    return this.#readers[slot] ?? this.#start(slot);
  }

  #start(slot: number): Reader {
    const worker = new Worker(WORKER, { workerData: { file: this.#file, driver: DRIVER } });
    const reader: Reader = { worker, pending: new Map() };
    worker.unref();
    worker.on(
      "message",
      (message: { id: number; rows?: unknown[]; error?: { message: string; code?: string } }) => {
        const pending = reader.pending.get(message.id);
        if (!pending) return;
        reader.pending.delete(message.id);
        if (reader.pending.size === 0) worker.unref();
        if (message.error)
          pending.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
        else pending.resolve(message.rows ?? []);
      },
    );
    // A worker that died (out of memory, a crash in the driver) fails what it held; the next read
    // starts another.
    const lost = (error: Error) => {
      if (this.#readers[slot] === reader) this.#readers[slot] = null;
      fail(reader, error);
    };
    worker.on("error", lost);
    worker.on("exit", (code) => lost(new Error(`the SQLite read worker exited (${code})`)));
    this.#readers[slot] = reader;
    return reader;
  }
}

function fail(reader: Reader, error: Error): void {
  const pending = [...reader.pending.values()];
  reader.pending.clear();
  for (const p of pending) p.reject(error);
}

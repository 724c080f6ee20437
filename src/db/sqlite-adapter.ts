// Prisma's better-sqlite3 adapter, with transactions that cannot wedge the bot. The adapter takes
// its transaction lock before BEGIN and releases it only when Prisma calls commit() or rollback().
// When a COMMIT fails (a full disk, an I/O error, a deferred foreign key) Prisma calls neither, and
// SQLite keeps that transaction open on the connection: the lock is held forever and every later
// command waits on it (test/db/storage-faults.test.ts). Here a failed COMMIT is rolled
// back and the lock released, a transaction somehow left open is rolled back before the next
// BEGIN, and a BEGIN that fails releases the lock too — so the command that hit the fault fails
// cleanly and the ones after it work again as soon as the fault is gone.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { IsolationLevel, SqlDriverAdapter, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

/** The adapter's own parts this relies on (public fields of its classes). */
interface AdapterInternals {
  client: { inTransaction: boolean; prepare(sql: string): { run(): unknown } };
  onError(error: unknown): never;
}

/** One transaction at a time on the connection, as the adapter's own lock did. */
class Gate {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release: () => void = () => undefined;
    const turn = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => turn);
    return ready;
  }
}

export class SafeSqliteAdapterFactory extends PrismaBetterSQLite3 {
  override async connect(): Promise<SqlDriverAdapter> {
    const adapter = await super.connect();
    const internals = adapter as unknown as AdapterInternals;
    const gate = new Gate();
    adapter.startTransaction = async (isolationLevel?: IsolationLevel): Promise<Transaction> => {
      if (isolationLevel && isolationLevel !== "SERIALIZABLE")
        throw new Error(`SQLite has no isolation level ${isolationLevel}`);
      const release = await gate.acquire();
      let released = false;
      const done = () => {
        if (!released) {
          released = true;
          release();
        }
      };
      try {
        // A COMMIT that failed left its transaction open: it is over, and its writes are not kept.
        if (internals.client.inTransaction) internals.client.prepare("ROLLBACK").run();
        internals.client.prepare("BEGIN").run();
      } catch (error) {
        done();
        internals.onError(error);
      }
      // The transaction queries through the same connection. Prisma sends COMMIT or ROLLBACK as
      // a query, then calls commit() or rollback() — but not when that COMMIT fails: then the
      // transaction is rolled back here and the connection handed back all the same.
      const ends = (sql: string) => /^\s*(COMMIT|ROLLBACK)\b/i.test(sql);
      const finishing = async <T>(sql: string, run: () => Promise<T>): Promise<T> => {
        if (!ends(sql)) return run();
        try {
          return await run();
        } catch (error) {
          if (internals.client.inTransaction) internals.client.prepare("ROLLBACK").run();
          throw error;
        } finally {
          done();
        }
      };
      const transaction = Object.create(adapter) as Transaction;
      return Object.assign(transaction, {
        options: { usePhantomQuery: false },
        executeRaw: (query: SqlQuery) => finishing(query.sql, () => adapter.executeRaw(query)),
        queryRaw: (query: SqlQuery) => finishing(query.sql, () => adapter.queryRaw(query)),
        commit: async () => done(),
        rollback: async () => done(),
      });
    };
    return adapter;
  }
}

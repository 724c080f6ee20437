// One bot process per SQLite file. A second `npm start` on the same file would run every job and
// delivery twice and print a bootstrap code that replaces the first one's; it is refused instead.
// The lock is the operating system's, held by an exclusive SQLite connection to a file beside the
// database: it goes with the process however the process ends (SIGKILL included), so a restart
// after a crash is never refused.
import { chmodSync, mkdirSync } from "node:fs";
import path from "node:path";
import Sqlite from "better-sqlite3";

export class DatabaseInUse extends Error {
  override name = "DatabaseInUse";
  readonly code = "DATABASE_IN_USE";
  constructor(readonly file: string) {
    super(`${file} is in use by another bot process`);
  }
}

export interface InstanceLock {
  release(): void;
}

/** Takes the file's lock, or throws DatabaseInUse when another live process holds it. */
export function lockSqliteFile(file: string): InstanceLock {
  if (file === ":memory:") return { release: () => undefined };
  const lockFile = `${path.resolve(file)}.lock`;
  mkdirSync(path.dirname(lockFile), { recursive: true });
  const lock = new Sqlite(lockFile, { timeout: 0 });
  chmodSync(lockFile, 0o600);
  try {
    // In exclusive locking mode the lock taken by the first write is kept until the connection closes.
    lock.pragma("locking_mode = EXCLUSIVE");
    lock.exec("CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL)");
    lock.exec(`DELETE FROM holder; INSERT INTO holder (pid) VALUES (${process.pid})`);
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY")) throw new DatabaseInUse(file);
    throw error;
  }
  return { release: () => lock.close() };
}

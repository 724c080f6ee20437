// A consistent copy of the SQLite database while the bot runs, with SQLite's online backup (pages
// copied in steps, so the bot keeps writing meanwhile). The copy holds every member's personal
// details: it is written 0600 in a 0700 folder. PostgreSQL is backed up with pg_dump
// (docs/operations.md).
import { chmod, mkdir } from "node:fs/promises";
import path from "node:path";
import Sqlite from "better-sqlite3";
import { DateTime } from "luxon";

/**
 * Where a backup goes by default: next to the database, named by the moment it was taken as the
 * installation's clocks read it (DEFAULT_TIME_ZONE), so the one taken at 01:00 in Beijing carries
 * that day's date, not yesterday's in UTC.
 */
export function defaultBackupPath(databaseFile: string, now: Date, zone: string): string {
  const stamp = DateTime.fromJSDate(now, { zone }).toFormat("yyyyMMdd-HHmmss");
  return path.join(path.dirname(path.resolve(databaseFile)), "backups", `party-bot-${stamp}.db`);
}

export async function backupSqlite(databaseFile: string, target: string): Promise<{ pages: number }> {
  const dir = path.dirname(path.resolve(target));
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const source = new Sqlite(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await source.backup(target);
    await chmod(target, 0o600);
    return { pages: totalPages };
  } finally {
    source.close();
  }
}

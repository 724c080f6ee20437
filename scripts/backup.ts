// npm run backup [file]: a consistent copy of the SQLite database, taken while the bot runs
// (default: backups/ next to the database). With PostgreSQL, use pg_dump (docs/operations.md).
import { existsSync } from "node:fs";
import { loadConfig } from "../src/config.js";
import { backupSqlite, defaultBackupPath } from "../src/db/backup.js";

async function main(): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const config = loadConfig(process.env);
  if (config.database.provider !== "sqlite") {
    process.stderr.write(
      "PostgreSQL 请用 pg_dump 备份（见 docs/operations.md）。 / With PostgreSQL, back up with pg_dump (see docs/operations.md).\n",
    );
    process.exit(2);
  }
  const target =
    process.argv[2] ?? defaultBackupPath(config.database.path, new Date(), config.defaultTimeZone);
  const { pages } = await backupSqlite(config.database.path, target);
  process.stdout.write(`已备份到 ${target}（${pages} 页）。 / Backed up to ${target} (${pages} pages).\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `备份失败 / Backup failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});

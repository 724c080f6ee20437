// One SQLite connection for raw reads, opened on first use, with its prepared statements kept
// (bounded: a list of ids is spelt into the text, IN (?, ?, …), so texts vary with its length).
// Used on the main thread (sqlite-raw-sql.ts, the ONCE reads) and in each read worker
// (sqlite-read-worker.cjs, the PAGE reads). Plain CommonJS: a worker thread loads it as it is,
// under tsx, vitest and the built server alike.
"use strict";

const MAX_STATEMENTS = 256;
/** A 2 MB page cache (better-sqlite3 builds with 16 MB): these scans gain nothing from more. */
const CACHE_PAGES = -2000;

/**
 * @param {string} driverPath where better-sqlite3 is (resolved by the caller)
 * @param {string} file the database file
 * @returns {{ all(text: string, values: unknown[]): unknown[]; close(): void }}
 */
function openReader(driverPath, file) {
  const Database = require(driverPath);
  /** @type {import("better-sqlite3").Database | null} */
  let db = null;
  /** @type {Map<string, import("better-sqlite3").Statement>} */
  const statements = new Map();
  return {
    all(text, values) {
      let statement = statements.get(text);
      if (!statement) {
        if (statements.size >= MAX_STATEMENTS) statements.clear();
        if (!db) {
          db = new Database(file, { timeout: 5000 });
          db.pragma(`cache_size = ${CACHE_PAGES}`);
        }
        statement = db.prepare(text);
        statements.set(text, statement);
      }
      return statement.all(...values);
    },
    close() {
      statements.clear();
      db?.close();
      db = null;
    },
  };
}

module.exports = { openReader };

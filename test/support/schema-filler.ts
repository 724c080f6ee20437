// Fills whatever tables a database has at some schema version with rows, generically, from the
// database's own description of itself (column types, nullability, foreign keys), so a migration
// can be applied to a populated database of the previous version — every migration, not only the
// ones someone remembered to test — and the rows and keys compared before and after.
import Sqlite from "better-sqlite3";
import pg from "pg";
import type { TestDatabase } from "./test-database.js";

interface Column {
  name: string;
  type: string;
  nullable: boolean;
}
interface ForeignKey {
  column: string;
  table: string;
  references: string;
}
export interface TableShape {
  name: string;
  columns: Column[];
  keys: ForeignKey[];
}
/** Per table: its row count and, per foreign-key column, how many rows have it set. */
export type Census = Map<string, { rows: number; keys: Map<string, number> }>;

const INSTANT = "2026-03-09T01:00:00.000Z";
const ROWS_PER_TABLE = 2;

export interface Inspector {
  shapes(): Promise<TableShape[]>;
  count(sql: string): Promise<number>;
  insert(table: string, row: Record<string, unknown>): Promise<void>;
  /** Foreign keys pointing nowhere (PostgreSQL enforces them itself: always none). */
  brokenKeys(): Promise<number>;
  close(): Promise<void>;
}

export async function inspect(database: TestDatabase): Promise<Inspector> {
  const { config } = database;
  if (config.provider === "sqlite") {
    const db = new Sqlite(config.path);
    return {
      async shapes() {
        const tables = db
          .prepare(
            `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name`,
          )
          .all() as { name: string }[];
        return tables.map(({ name }) => ({
          name,
          columns: (
            db.prepare(`PRAGMA table_info("${name}")`).all() as {
              name: string;
              type: string;
              notnull: number;
            }[]
          ).map((c) => ({ name: c.name, type: c.type.toUpperCase(), nullable: c.notnull === 0 })),
          keys: (
            db.prepare(`PRAGMA foreign_key_list("${name}")`).all() as {
              from: string;
              table: string;
              to: string;
            }[]
          ).map((k) => ({ column: k.from, table: k.table, references: k.to })),
        }));
      },
      async count(sql) {
        return (db.prepare(sql).get() as { n: number }).n;
      },
      async insert(table, row) {
        const names = Object.keys(row);
        db.prepare(
          `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(", ")}) VALUES (${names.map(() => "?").join(", ")})`,
        ).run(...Object.values(row).map(sqliteValue));
      },
      async brokenKeys() {
        return db.prepare("PRAGMA foreign_key_check").all().length;
      },
      async close() {
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  await client.query(`SET search_path TO "${config.schema}"`);
  const schema = config.schema;
  return {
    async shapes() {
      const columns = await client.query<{
        table_name: string;
        column_name: string;
        data_type: string;
        is_nullable: string;
      }>(
        `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
         WHERE table_schema = $1 AND table_name NOT LIKE '\\_%' ORDER BY table_name, ordinal_position`,
        [schema],
      );
      const keys = await client.query<{ tbl: string; col: string; ref: string; refcol: string }>(
        `SELECT src.relname AS tbl, a.attname AS col, dst.relname AS ref, af.attname AS refcol
         FROM pg_constraint c
         JOIN pg_class src ON src.oid = c.conrelid
         JOIN pg_class dst ON dst.oid = c.confrelid
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
         JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = c.confkey[1]
         WHERE c.contype = 'f' AND c.connamespace = $1::regnamespace`,
        [schema],
      );
      const byTable = new Map<string, TableShape>();
      for (const c of columns.rows) {
        const shape = byTable.get(c.table_name) ?? { name: c.table_name, columns: [], keys: [] };
        shape.columns.push({
          name: c.column_name,
          type: c.data_type.toUpperCase(),
          nullable: c.is_nullable === "YES",
        });
        byTable.set(c.table_name, shape);
      }
      for (const k of keys.rows)
        byTable.get(k.tbl)?.keys.push({ column: k.col, table: k.ref, references: k.refcol });
      return [...byTable.values()];
    },
    async count(sql) {
      return Number((await client.query<{ n: string }>(sql)).rows[0]?.n ?? 0);
    },
    async insert(table, row) {
      const names = Object.keys(row);
      await client.query(
        `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(", ")}) VALUES (${names.map((_, i) => `$${i + 1}`).join(", ")})`,
        Object.values(row),
      );
    },
    async brokenKeys() {
      return 0;
    },
    async close() {
      await client.end();
    },
  };
}

/** SQLite keeps instants as the app's driver writes them, booleans as 0/1. */
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

function valueFor(table: string, column: Column, n: number): unknown {
  const t = column.type;
  if (t.includes("INT") || t.includes("REAL") || t.includes("DOUBLE") || t.includes("NUMERIC")) return n;
  if (t.includes("BOOL")) return false;
  if (t.includes("DATE") || t.includes("TIME")) return new Date(INSTANT);
  if (t.includes("JSON")) return "{}";
  if (t.includes("BLOB") || t.includes("BYTEA"))
    return new Uint8Array(Buffer.from(`${table}-${column.name}-${n}`));
  // Settings, details and payloads are JSON kept as text.
  if (/^(settings|details|payload|data|reply)$/i.test(column.name)) return "{}";
  return `${table.slice(0, 12)}-${column.name}-${n}`;
}

/** Parents before children; a table pointing at itself is filled row by row. */
function fillingOrder(shapes: TableShape[]): TableShape[] {
  const done = new Set<string>();
  const order: TableShape[] = [];
  const visit = (shape: TableShape, path: Set<string>) => {
    if (done.has(shape.name) || path.has(shape.name)) return;
    path.add(shape.name);
    for (const key of shape.keys) {
      const parent = shapes.find((s) => s.name === key.table);
      if (parent && parent.name !== shape.name) visit(parent, path);
    }
    done.add(shape.name);
    order.push(shape);
  };
  for (const shape of shapes) visit(shape, new Set());
  return order;
}

/**
 * Tops every table up to a few rows, each key pointing at a real row (a nullable key is set too:
 * that is what an ON DELETE SET NULL fired by a table rebuild would erase).
 */
export async function fill(db: Inspector): Promise<void> {
  const shapes = await db.shapes();
  for (const shape of fillingOrder(shapes)) {
    const have = await db.count(`SELECT count(*) AS n FROM "${shape.name}"`);
    for (let n = have + 1; n <= ROWS_PER_TABLE; n++) {
      const row: Record<string, unknown> = {};
      for (const column of shape.columns) {
        const key = shape.keys.find((k) => k.column === column.name);
        if (!key) {
          row[column.name] = valueFor(shape.name, column, n);
          continue;
        }
        const parent = shapes.find((s) => s.name === key.table);
        const referenced = parent?.columns.find((c) => c.name === key.references);
        if (!parent || !referenced) continue;
        // A row pointing at its own table points at the row before it.
        const target = key.table === shape.name ? n - 1 : n;
        row[column.name] =
          target < 1 && column.nullable ? null : valueFor(parent.name, referenced, Math.max(target, 1));
      }
      await db.insert(shape.name, row);
    }
  }
}

export async function census(db: Inspector): Promise<Census> {
  const result: Census = new Map();
  for (const shape of await db.shapes()) {
    const keys = new Map<string, number>();
    for (const key of shape.keys)
      keys.set(
        key.column,
        await db.count(`SELECT count(*) AS n FROM "${shape.name}" WHERE "${key.column}" IS NOT NULL`),
      );
    result.set(shape.name, { rows: await db.count(`SELECT count(*) AS n FROM "${shape.name}"`), keys });
  }
  return result;
}

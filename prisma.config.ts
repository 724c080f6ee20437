// Prisma CLI configuration. `engine: "js"` makes the CLI use its bundled WebAssembly schema
// engine through a driver adapter, so nothing is downloaded (see docs/architecture.md).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL ?? "";
const isPostgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: isPostgres
    ? path.join("prisma", "postgresql", "schema.prisma")
    : path.join("prisma", "schema.prisma"),
  async adapter() {
    if (isPostgres) return new PrismaPg({ connectionString: url });
    // Only `prisma migrate diff` (scripts/new-migration.ts) reaches this; the app migrates itself.
    const file = url.replace(/^file:/, "") || "./data/scratch.db";
    mkdirSync(path.dirname(file), { recursive: true });
    return new PrismaBetterSQLite3({ url: file });
  },
});

// Creates the next migration for both databases from the change between the schema as of the
// last migration (prisma/migrations/schema.snapshot.prisma) and prisma/schema.prisma.
// Usage: npm run db:migration -- <name>. Runs offline through Prisma's WebAssembly engine.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { derivePostgresSchema } from "../src/db/derive-schema.js";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name in snake_case>");
  process.exit(2);
}

const root = "prisma/migrations";
const snapshotPath = `${root}/schema.snapshot.prisma`;
const current = readFileSync("prisma/schema.prisma", "utf8");
writeFileSync("prisma/postgresql/schema.prisma", derivePostgresSchema(current));
const tmp = mkdtempSync(path.join(tmpdir(), "party-bot-migration-"));

const providers = [
  { provider: "sqlite", env: { DATABASE_URL: `file:${tmp}/scratch.db` }, derive: (s: string) => s },
  // The JS schema engine opens a connection even for a datamodel-only diff; nothing is written.
  {
    provider: "postgresql",
    env: { DATABASE_URL: process.env.MIGRATION_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test" },
    derive: derivePostgresSchema,
  },
] as const;

function nextNumber(dir: string): string {
  const taken = existsSync(dir) ? readdirSync(dir).filter((d) => /^\d{4}_/.test(d)).length : 0;
  return String(taken + 1).padStart(4, "0");
}

const outputs: { provider: string; sql: string }[] = [];
for (const { provider, env, derive } of providers) {
  const toFile = `${tmp}/${provider}-to.prisma`;
  writeFileSync(toFile, derive(current));
  let from = ["--from-empty"];
  if (existsSync(snapshotPath)) {
    const fromFile = `${tmp}/${provider}-from.prisma`;
    writeFileSync(fromFile, derive(readFileSync(snapshotPath, "utf8")));
    from = ["--from-schema-datamodel", fromFile];
  }
  const sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", toFile, "--script"],
    {
      env: { ...process.env, ...env },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    },
  )
    // Tables are created unqualified, in the schema the migrator puts on the search_path.
    .replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n/m, "");
  if (sql.includes("This is an empty migration")) console.log(`${provider}: no changes`);
  else outputs.push({ provider, sql });
}
// Written only once both diffs succeeded, so a failure leaves no half-made migration behind.
for (const { provider, sql } of outputs) {
  const dir = `${root}/${provider}`;
  const target = `${dir}/${nextNumber(dir)}_${name}`;
  mkdirSync(target, { recursive: true });
  writeFileSync(`${target}/migration.sql`, sql);
  console.log(`wrote ${target}/migration.sql`);
}
if (outputs.length > 0) writeFileSync(snapshotPath, current);

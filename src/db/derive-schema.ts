// The SQLite schema is the source of truth; the PostgreSQL schema is derived from it so the two
// can never describe different models. test/db/schema-drift.test.ts fails when they differ.

const HEADER = "// GENERATED from prisma/schema.prisma by `npm run db:derive`. Do not edit by hand.\n";

export function derivePostgresSchema(sqliteSchema: string): string {
  const replaced = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:[^"]*"/, 'url      = env("DATABASE_URL")')
    .replace(
      /output\s*=\s*"\.\.\/src\/generated\/sqlite"/,
      'output       = "../../src/generated/postgresql"',
    );
  if (!replaced.includes('provider = "postgresql"') || !replaced.includes("generated/postgresql")) {
    throw new Error("prisma/schema.prisma no longer has the expected sqlite datasource/generator");
  }
  return HEADER + replaced;
}

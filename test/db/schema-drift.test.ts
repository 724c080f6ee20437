import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { derivePostgresSchema } from "../../src/db/derive-schema.js";

const read = (file: string) => readFileSync(file, "utf8");

describe("one schema is the source of truth", () => {
  it("has a PostgreSQL schema derived from the SQLite one (run npm run db:derive)", () => {
    expect(read("prisma/postgresql/schema.prisma")).toBe(derivePostgresSchema(read("prisma/schema.prisma")));
  });

  it("has a migration for every schema change (run npm run db:migration -- <name>)", () => {
    expect(read("prisma/migrations/schema.snapshot.prisma")).toBe(read("prisma/schema.prisma"));
  });

  it("has the same migrations, in the same order, for both databases", () => {
    const names = (provider: string) => readdirSync(`prisma/migrations/${provider}`).sort();
    expect(names("postgresql")).toEqual(names("sqlite"));
    expect(names("sqlite").length).toBeGreaterThan(0);
  });

  it("refuses to derive from a schema that no longer uses SQLite", () => {
    expect(() => derivePostgresSchema('datasource db {\n  provider = "mysql"\n}')).toThrow();
  });
});

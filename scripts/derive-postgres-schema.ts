// Writes prisma/postgresql/schema.prisma from prisma/schema.prisma.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { derivePostgresSchema } from "../src/db/derive-schema.js";

const source = readFileSync("prisma/schema.prisma", "utf8");
mkdirSync("prisma/postgresql", { recursive: true });
writeFileSync("prisma/postgresql/schema.prisma", derivePostgresSchema(source));
console.log("wrote prisma/postgresql/schema.prisma");

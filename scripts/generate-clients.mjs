// Generates the Prisma client for both databases (run by postinstall). prisma.config.ts picks
// the schema from DATABASE_URL, so each run sets it explicitly; nothing connects, nothing downloads.
import { execFileSync } from "node:child_process";

const runs = [
  { name: "sqlite", DATABASE_URL: "file:./data/generate.db" },
  { name: "postgresql", DATABASE_URL: "postgresql://localhost/generate" },
];
for (const { name, DATABASE_URL } of runs) {
  execFileSync("npx", ["--no-install", "prisma", "generate"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  console.log(`generated Prisma client for ${name}`);
}

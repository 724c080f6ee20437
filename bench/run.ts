// npm run bench: every benchmark on SQLite and, when reachable, PostgreSQL. Figures are printed,
// never asserted: machines here are noisy. PostgreSQL comes from BENCH_DATABASE_URL, else
// DATABASE_URL, else the local server at 127.0.0.1:5432/test.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { type DatabaseConfig, parsePostgresUrl } from "../src/config.js";
import { benchButtonPresses } from "./button-presses.js";
import { benchCalendarFeed } from "./calendar-feed.js";
import { benchCheckIn } from "./check-in.js";
import { benchBranchExport, benchCommitteeExport } from "./export.js";
import { benchFanOut } from "./fan-out.js";
import { benchLeaderboardCity } from "./leaderboard-city.js";
import { benchRoundTrip } from "./round-trip.js";
import { benchTimePhrases } from "./time-phrases.js";

const only = process.env.BENCH_ONLY?.split(",");
const benches = [
  ["round-trip", benchRoundTrip],
  ["check-in", benchCheckIn],
  ["button-presses", benchButtonPresses],
  ["fan-out", benchFanOut],
  ["leaderboard-city", benchLeaderboardCity],
  ["export-branch", benchBranchExport],
  ["export-committee", benchCommitteeExport],
  ["calendar-feed", benchCalendarFeed],
  ["time-phrases", benchTimePhrases],
] as const;

async function withSqlite(fn: (db: DatabaseConfig) => Promise<void>) {
  const dir = mkdtempSync(path.join(tmpdir(), "party-bot-bench-"));
  try {
    await fn({ provider: "sqlite", path: path.join(dir, "bench.db") });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function withPostgres(fn: (db: DatabaseConfig) => Promise<void>) {
  const candidates = [
    process.env.BENCH_DATABASE_URL,
    process.env.DATABASE_URL,
    "postgresql://postgres@127.0.0.1:5432/test",
  ];
  const raw = candidates.find((u) => u?.startsWith("postgres")) ?? "";
  const { url } = parsePostgresUrl(raw);
  const schema = `bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (error) {
    console.log(
      `\nPostgreSQL at ${url} is not reachable (${(error as Error).message}); skipping its figures.`,
    );
    return;
  }
  try {
    await fn({ provider: "postgresql", url, schema });
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
}

// Each bench and database runs in a fresh process, so one run's heap does not inflate the next
// one's peak RSS, and a crash in one does not hide the others' figures.
const child = process.env.BENCH_CHILD;
if (child) {
  const [name, provider] = child.split(":");
  const bench = benches.find(([n]) => n === name)?.[1];
  if (!bench) throw new Error(`no bench ${name}`);
  await (provider === "sqlite" ? withSqlite(bench) : withPostgres(bench));
} else {
  console.log(`node ${process.version} · ${process.platform}/${process.arch}`);
  for (const [name] of benches) {
    if (only && !only.includes(name)) continue;
    for (const provider of ["sqlite", "postgresql"]) {
      const result = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
        stdio: "inherit",
        env: { ...process.env, BENCH_CHILD: `${name}:${provider}` },
      });
      if (result.status !== 0) console.log(`  (${name} on ${provider} exited with ${result.status})`);
    }
  }
}

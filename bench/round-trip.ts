// Benchmark: a trivial round trip — a console-style incoming command, the router, one DB read
// (who is this person), a reply — against the raw driver doing the same read in the same run.

import Sqlite from "better-sqlite3";
import pg from "pg";
import { createApp } from "../src/app.js";
import type { DatabaseConfig } from "../src/config.js";
import { systemClock } from "../src/core/clock.js";
import { silentLogger } from "../src/core/logger.js";
import { testConfig } from "../test/support/test-config.js";
import { measure, printTable } from "./stats.js";

const ROUND_TRIPS = Number(process.env.BENCH_ROUND_TRIPS ?? 3000);
const LOOKUP_SQL =
  'SELECT p."id", p."displayName", p."locale" FROM "PlatformAccount" a JOIN "Person" p ON p."id" = a."personId" WHERE a."platform" = ? AND a."externalId" = ?';

export async function benchRoundTrip(database: DatabaseConfig): Promise<void> {
  const app = await createApp({ config: testConfig(database), clock: systemClock, logger: silentLogger });
  const users = Array.from({ length: 100 }, (_, i) => ({
    platform: "console" as const,
    id: `member-${i}`,
    displayName: `党员${i}`,
  }));
  // Everyone has been seen before, so /whoami reads a stored person.
  for (const user of users) {
    await app.handle({
      user,
      chat: { platform: "console", id: `dm:${user.id}`, kind: "private" },
      payload: { type: "text", text: "/lang zh" },
    });
  }
  const roundTrip = (i: number) => {
    const user = users[i % users.length] ?? users[0];
    if (!user) throw new Error("no users");
    return app.handle({
      user,
      chat: { platform: "console", id: "一支部群", kind: "group" },
      payload: { type: "text", text: "/whoami" },
    });
  };
  // Warm-up: JIT, statement caches, connection pool.
  await measure(300, 1, roundTrip);

  const raw = await rawLookup(database);
  await measure(300, 1, (i) => raw.lookup(`member-${i % users.length}`));
  const rawSerial = await measure(ROUND_TRIPS, 1, (i) => raw.lookup(`member-${i % users.length}`));
  const botSerial = await measure(ROUND_TRIPS, 1, roundTrip);
  const rawParallel = await measure(ROUND_TRIPS, 16, (i) => raw.lookup(`member-${i % users.length}`));
  const botParallel = await measure(ROUND_TRIPS, 16, roundTrip);
  await raw.close();
  await app.close();

  printTable(
    `Round trip /whoami → router → DB read → reply · ${database.provider} · ${ROUND_TRIPS} commands`,
    [
      { label: "raw driver read, one at a time", stats: rawSerial },
      { label: "bot round trip, one at a time", stats: botSerial, ratio: botSerial.p50Ms / rawSerial.p50Ms },
      { label: "raw driver read, 16 in flight", stats: rawParallel },
      {
        label: "bot round trip, 16 in flight",
        stats: botParallel,
        ratio: rawParallel.perSecond / botParallel.perSecond,
      },
    ],
  );
  console.log("  (vs raw: p50 ratio one at a time; throughput ratio with 16 in flight)");
}

async function rawLookup(
  database: DatabaseConfig,
): Promise<{ lookup(id: string): Promise<unknown>; close(): Promise<void> }> {
  if (database.provider === "sqlite") {
    const db = new Sqlite(database.path);
    db.pragma("synchronous = NORMAL");
    const statement = db.prepare(LOOKUP_SQL);
    return {
      lookup: async (id) => statement.get("console", id),
      close: async () => {
        db.close();
      },
    };
  }
  const pool = new pg.Pool({
    connectionString: database.url,
    options: `-c search_path=${database.schema}`,
    max: 10,
  });
  const text = LOOKUP_SQL.replace("?", "$1").replace("?", "$2");
  return {
    lookup: (id) => pool.query({ name: "lookup", text, values: ["console", id] }),
    close: () => pool.end(),
  };
}

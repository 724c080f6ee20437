// Benchmark: 1,000 members of one branch checking in (the 签到 command end to end: router, role
// check, one transaction with the check-in and the announcement update), one at a time and 16 in
// flight, next to the raw driver inserting the same rows in the same run.
import { randomUUID } from "node:crypto";
import Sqlite from "better-sqlite3";
import pg from "pg";
import { createApp } from "../src/app.js";
import type { DatabaseConfig } from "../src/config.js";
import type { Clock } from "../src/core/clock.js";
import { silentLogger } from "../src/core/logger.js";
import { testConfig } from "../test/support/test-config.js";
import { seedBenchBranch } from "./bench-branch.js";
import { measure, printTable } from "./stats.js";

const MEMBERS = Number(process.env.BENCH_CHECKIN_MEMBERS ?? 1000);

export async function benchCheckIn(database: DatabaseConfig): Promise<void> {
  let now = new Date("2026-03-02T01:00:00Z");
  const clock: Clock = { now: () => now };
  const app = await createApp({ config: testConfig(database), clock, logger: silentLogger });
  const prisma = app.db.prisma;

  // Setup: an administrator, a branch with a bound chat, MEMBERS members who use the bot.
  const { adminId } = await seedBenchBranch(app, {
    platform: "console",
    chatId: "bench-group",
    members: MEMBERS,
    accountOf: (n) => `m${n}`,
  });
  const meetings = await app.services.transaction(async (s) => {
    const org = await s.orgs.findByCode("BENCH");
    if (!org) throw new Error("no branch");
    const input = {
      type: "party_lesson" as const,
      startsAt: new Date("2026-03-02T02:00:00Z"),
      place: "礼堂",
      topic: "压测",
      online: false,
      occurrences: 1,
    };
    const a = await s.meetings.scheduling.schedule(adminId, org, input, now);
    const b = await s.meetings.scheduling.schedule(adminId, org, input, now);
    return [...a, ...b];
  });
  const [serialMeeting, parallelMeeting] = meetings;
  if (!serialMeeting || !parallelMeeting) throw new Error("no meetings");
  now = new Date("2026-03-02T01:45:00Z"); // check-in is open
  const chat = { platform: "console" as const, id: "bench-group", kind: "group" as const };
  const checkIn = (meetingCode: string) => (i: number) =>
    app.handle({
      user: { platform: "console", id: `m${i}`, displayName: `党员${i}` },
      chat,
      payload: { type: "text", text: `/checkin ${meetingCode}` },
    });

  const raw = await rawInserter(database);
  const rawMeetingA = randomUUID();
  const rawMeetingB = randomUUID();
  const rawSerial = await measure(MEMBERS, 1, (i) => raw.insert(rawMeetingA, `raw-${i}`));
  const botSerial = await measure(MEMBERS, 1, checkIn(serialMeeting.code));
  const rawParallel = await measure(MEMBERS, 16, (i) => raw.insert(rawMeetingB, `raw-${i}`));
  const botParallel = await measure(MEMBERS, 16, checkIn(parallelMeeting.code));
  const recorded = await prisma.checkIn.count({
    where: { meetingId: { in: [serialMeeting.id, parallelMeeting.id] } },
  });
  await raw.close();
  await app.close();

  printTable(`Check-in · ${database.provider} · ${MEMBERS} members of one branch, each meeting`, [
    { label: "raw driver INSERT, one at a time", stats: rawSerial },
    { label: "bot /checkin, one at a time", stats: botSerial, ratio: botSerial.p50Ms / rawSerial.p50Ms },
    { label: "raw driver INSERT, 16 in flight", stats: rawParallel },
    {
      label: "bot /checkin, 16 in flight",
      stats: botParallel,
      ratio: rawParallel.perSecond / botParallel.perSecond,
    },
  ]);
  console.log(`  check-ins recorded: ${recorded} of ${2 * MEMBERS}`);
  const target =
    database.provider === "sqlite"
      ? `target p99 < 25 ms: ${botSerial.p99Ms < 25 ? "met" : "NOT met"}`
      : `target ≥ 500/s: ${botParallel.perSecond >= 500 ? "met" : "NOT met"}`;
  console.log(`  ${target}`);
}

async function rawInserter(database: DatabaseConfig) {
  // The raw baseline writes into a copy of the check-in table so foreign keys do not interfere.
  const ddl =
    'CREATE TABLE IF NOT EXISTS "BenchCheckIn" ("meetingId" TEXT NOT NULL, "memberId" TEXT NOT NULL, "at" TEXT NOT NULL, "late" BOOLEAN NOT NULL, "via" TEXT NOT NULL, PRIMARY KEY ("meetingId", "memberId"))';
  if (database.provider === "sqlite") {
    const db = new Sqlite(database.path);
    db.pragma("synchronous = NORMAL");
    db.exec(ddl);
    const insert = db.prepare('INSERT INTO "BenchCheckIn" VALUES (?, ?, ?, 0, ?)');
    return {
      insert: async (meetingId: string, memberId: string) =>
        insert.run(meetingId, memberId, new Date().toISOString(), "raw"),
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
  await pool.query(ddl);
  return {
    insert: (meetingId: string, memberId: string) =>
      pool.query({
        name: "raw-checkin",
        text: 'INSERT INTO "BenchCheckIn" VALUES ($1, $2, $3, false, $4)',
        values: [meetingId, memberId, new Date().toISOString(), "raw"],
      }),
    close: () => pool.end(),
  };
}

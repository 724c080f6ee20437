// The real bot process holding the weekly leaderboard's slot is killed with SIGKILL mid-run (while
// it works out 300 branches' boards). Its claim stays "running"; the next process takes the run
// over once the claim's lease lapses and runs it once: every bound branch chat gets its board
// exactly once, and the record shows the second attempt and who made it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generation } from "../../bench/leaderboard-city.js";
import { type Database, openDatabase } from "../../src/db/database.js";
import { exited, startBot, waitFor } from "../support/bot-process.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

const BOUND = 12;
const JOB = "weekly-leaderboard";

async function until<T>(what: string, probe: () => Promise<T | null | undefined>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await probe();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("a scheduled slot whose process is killed mid-run", () => {
  let database: TestDatabase;
  let db: Database;
  beforeEach(async () => {
    database = createTestDatabase();
    db = await openDatabase(database.config);
    // A small city (3 committees, 300 branches, 6,000 members) with a year of closed meetings and
    // no tallies yet: the first board run has real work to do. A dozen branches have their chat.
    for (const sql of generation(database.config.provider, 0.01)) await db.prisma.$executeRawUnsafe(sql);
    for (let i = 1; i <= BOUND; i++)
      await db.prisma.chat.create({
        data: {
          platform: "console",
          externalId: `branch-room-${i}`,
          title: `社区党支部${i}群`,
          organizationId: `b${i}`,
          boundAt: new Date(),
        },
      });
  });
  afterEach(async () => {
    await db.close();
    await database.drop();
  });

  it("runs the slot once, after a restart, with both attempts on record", async () => {
    const env = {
      // Every minute instead of Mondays at 09:00, so a real clock reaches a slot within the test.
      JOB_WEEKLY_LEADERBOARD_CRON: "* * * * *",
      JOB_LEASE_MS: "4000",
    };
    const boards = () =>
      db.prisma.outboxMessage.count({ where: { dedupeKey: { startsWith: "leaderboard:b" } } });

    const first = startBot(database, [], env);
    await waitFor(first.output, "党支部助手", 60_000);
    const claimed = await until(
      "the first process to claim a slot",
      () => db.prisma.jobRun.findFirst({ where: { jobId: JOB, status: "running" } }),
      75_000,
    );
    first.child.kill("SIGKILL");
    await exited(first.child);
    // Killed mid-run: the claim is still "running", and nothing of the run was committed.
    const left = await db.prisma.jobRun.findUniqueOrThrow({
      where: { jobId_slot: { jobId: JOB, slot: claimed.slot } },
    });
    expect(left.status, "the run should still have been working when it was killed").toBe("running");
    expect(await boards()).toBe(0);

    const second = startBot(database, [], env);
    const done = await until(
      "the killed slot to be run again",
      () => db.prisma.jobRun.findFirst({ where: { jobId: JOB, slot: claimed.slot, status: "done" } }),
      90_000,
    );
    second.child.kill("SIGTERM");
    await exited(second.child);

    expect(done.attempts).toBe(2);
    expect(done.claimedBy).not.toBe(claimed.claimedBy);
    // Once per bound chat: later every-minute slots of the same week add nothing.
    expect(await boards()).toBe(BOUND);
    const perChat = await db.prisma.outboxMessage.groupBy({
      by: ["chatId"],
      where: { dedupeKey: { startsWith: "leaderboard:b" } },
      _count: true,
    });
    expect(perChat.map((c) => c._count)).toEqual(Array(BOUND).fill(1));
  }, 240_000);
});

// Benchmark: a person's calendar feed of 200 meetings fetched as a calendar app does, over the
// bot's own HTTP server (target p99 < 50 ms), next to a raw read of the same meeting rows in the
// same run — the floor any feed must pay.
import { randomBytes } from "node:crypto";
import { createApp } from "../src/app.js";
import type { DatabaseConfig } from "../src/config.js";
import { silentLogger } from "../src/core/logger.js";
import { CALENDAR_PREFIX, calendarRoute } from "../src/http/calendar-route.js";
import { startHttpServer } from "../src/http/health-server.js";
import { testConfig } from "../test/support/test-config.js";
import { seedBenchBranch } from "./bench-branch.js";
import { measure } from "./stats.js";

const MEETINGS = 200;
const REQUESTS = Number(process.env.BENCH_FEED_REQUESTS ?? 400);
const NOW = new Date("2026-06-01T02:00:00Z");

export async function benchCalendarFeed(database: DatabaseConfig): Promise<void> {
  const app = await createApp({
    config: testConfig(database),
    clock: { now: () => NOW },
    logger: silentLogger,
  });
  const prisma = app.db.prisma;
  const { adminId, branchId } = await seedBenchBranch(app, {
    platform: "console",
    chatId: "bench-group",
    members: 30,
    accountOf: (n) => `m${n}`,
  });
  const types = ["theme_day", "committee_meeting", "party_lesson", "general_meeting"];
  await prisma.meeting.createMany({
    data: Array.from({ length: MEETINGS }, (_, i) => ({
      code: `HF${String(i).padStart(3, "0")}`,
      organizationId: branchId,
      type: types[i % types.length] ?? "party_lesson",
      topic: `学习贯彻党的二十届三中全会精神（第${i + 1}次）`,
      // Spread over the feed's window: the last three months and the year ahead.
      startsAt: new Date(NOW.getTime() + (i - 40) * 2 * 86_400_000),
      place: "党员活动室",
      status: i % 17 === 0 ? "cancelled" : i < 40 ? "closed" : "scheduled",
      revision: i % 3,
      checkInOpensMinutes: 30,
      checkInClosesMinutes: 60,
      createdById: adminId,
    })),
  });
  const member = await prisma.member.findFirstOrThrow({ where: { organizationId: branchId } });
  const token = randomBytes(24).toString("base64url");
  await prisma.calendarFeed.create({ data: { personId: member.personId ?? "", token, createdAt: NOW } });

  const http = await startHttpServer(
    "127.0.0.1",
    0,
    { accepting: true, ping: async () => undefined },
    new Map([[`GET ${CALENDAR_PREFIX}`, calendarRoute((t) => app.calendarFeed(t))]]),
  );
  const url = `http://127.0.0.1:${http.port}${CALENDAR_PREFIX}${token}.ics`;
  const first = await fetch(url);
  const body = await first.text();
  const events = body.match(/BEGIN:VEVENT/g)?.length ?? 0;
  if (first.status !== 200 || events !== MEETINGS)
    throw new Error(`feed answered ${first.status} with ${events} events`);
  const feed = await measure(REQUESTS, 1, async () => (await fetch(url)).text());
  const raw = await measure(REQUESTS, 1, () =>
    prisma.$queryRawUnsafe(`SELECT * FROM "Meeting" WHERE "organizationId" = '${branchId}'`),
  );
  console.log(`\nCalendar feed · ${database.provider}`);
  console.log(
    `  one person's feed of ${MEETINGS} meetings (${(body.length / 1024).toFixed(0)} KB) over HTTP, ${REQUESTS} fetches: p50 ${feed.p50Ms.toFixed(1)} ms, p99 ${feed.p99Ms.toFixed(1)} ms (target p99 < 50 ms: ${feed.p99Ms < 50 ? "met" : "NOT met"}) · raw read of the rows p50 ${raw.p50Ms.toFixed(2)} ms, p99 ${raw.p99Ms.toFixed(2)} ms · ${(feed.p50Ms / Math.max(raw.p50Ms, 0.01)).toFixed(1)}× at p50`,
  );
  await http.close();
  await app.close();
}

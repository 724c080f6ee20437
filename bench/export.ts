// Benchmark: ledger exports. A branch of 200 members over a year (target < 1 s) and a committee of
// 1,000 branches over a quarter (target < 60 s), both as /export typed by the secretary or the
// committee's administrator, through the router, with peak RSS (target < 300 MB). The raw baseline
// is a plain read of the same attendance rows with the driver's own query, in the same run.
import { statSync } from "node:fs";
import { createApp } from "../src/app.js";
import type { DatabaseConfig } from "../src/config.js";
import { silentLogger } from "../src/core/logger.js";
import { warmExcel } from "../src/exports/excel.js";
import { testConfig } from "../test/support/test-config.js";

const BRANCH_MEMBERS = 200;
const BRANCH_MEETINGS = 48; // a year: theme days, committee meetings, lessons, general meetings
const COMMITTEE_BRANCHES = Number(process.env.BENCH_EXPORT_BRANCHES ?? 1000);
const COMMITTEE_MEMBERS_EACH = 20;
const COMMITTEE_MEETINGS_EACH = 8; // a quarter
const NOW = new Date("2026-12-20T02:00:00Z");

function generation(provider: "sqlite" | "postgresql"): string[] {
  const series = (n: number, alias = "s") =>
    provider === "sqlite"
      ? `(WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < ${n}) SELECT i FROM r) AS ${alias}`
      : `generate_series(1, ${n}) AS ${alias}(i)`;
  const ts = (start: string, days: string) =>
    provider === "sqlite"
      ? `strftime('%Y-%m-%dT%H:%M:%S.000+00:00', '${start}', '+' || (${days}) || ' days')`
      : `TIMESTAMP '${start}' + (${days}) * INTERVAL '1 day'`;
  const at = provider === "sqlite" ? "'2026-01-01T00:00:00.000+00:00'" : "TIMESTAMP '2026-01-01 00:00:00'";
  const yes = provider === "sqlite" ? "1" : "true";
  const types = `CASE (s.i - 1) % 4 WHEN 0 THEN 'theme_day' WHEN 1 THEN 'committee_meeting' WHEN 2 THEN 'party_lesson' ELSE 'general_meeting' END`;
  const members = COMMITTEE_BRANCHES * COMMITTEE_MEMBERS_EACH;
  const meetings = COMMITTEE_BRANCHES * COMMITTEE_MEETINGS_EACH;
  return [
    `INSERT INTO "Organization" ("id", "code", "kind", "name", "settings", "createdAt") VALUES ('c1', 'NH01', 'committee', '南湖区委', '{}', ${at})`,
    // The branch of 200 members, with a year of closed meetings (one every ~7.5 days).
    `INSERT INTO "Organization" ("id", "code", "kind", "name", "settings", "createdAt") VALUES ('big', 'JG01', 'branch', '机关第一党支部', '{}', ${at})`,
    `INSERT INTO "Member" ("id", "code", "name", "status", "state", "phone", "organizationId", "createdAt", "updatedAt") SELECT 'bm' || s.i, 'BM' || s.i, '党员' || s.i, 'full', 'active', '1380315' || (1000 + s.i), 'big', ${at}, ${at} FROM ${series(BRANCH_MEMBERS)}`,
    `INSERT INTO "Meeting" ("id", "code", "organizationId", "type", "topic", "startsAt", "place", "status", "content", "checkInOpensMinutes", "checkInClosesMinutes", "createdById", "updatedAt") SELECT 'bg' || s.i, 'BG' || s.i, 'big', ${types}, '学习贯彻', ${ts("2026-01-05 01:00:00", "(s.i - 1) * 7")}, '党员活动室', 'closed', '传达学习上级精神。', 30, 60, 'bench', ${at} FROM ${series(BRANCH_MEETINGS)}`,
    `INSERT INTO "MeetingAttendee" ("meetingId", "memberId", "name", "voting", "outcome", "reason") SELECT 'bg' || s.i, 'bm' || o.i, '党员' || o.i, ${yes}, CASE WHEN (s.i + o.i) % 6 = 0 THEN 'absent' ELSE 'present' END, CASE WHEN (s.i + o.i) % 6 = 0 THEN 'sick' ELSE NULL END FROM ${series(BRANCH_MEETINGS)}, ${series(BRANCH_MEMBERS, "o")}`,
    // The committee's branches, each with 20 members and a quarter's meetings (Q4 2026).
    `INSERT INTO "Organization" ("id", "code", "kind", "name", "parentId", "settings", "createdAt") SELECT 'b' || s.i, 'B' || s.i, 'branch', '社区党支部' || s.i, 'c1', '{}', ${at} FROM ${series(COMMITTEE_BRANCHES)}`,
    `INSERT INTO "Member" ("id", "code", "name", "status", "state", "organizationId", "createdAt", "updatedAt") SELECT 'm' || s.i, 'M' || s.i, '党员' || s.i, 'full', 'active', 'b' || ((s.i - 1) / ${COMMITTEE_MEMBERS_EACH} + 1), ${at}, ${at} FROM ${series(members)}`,
    `INSERT INTO "Meeting" ("id", "code", "organizationId", "type", "topic", "startsAt", "place", "status", "checkInOpensMinutes", "checkInClosesMinutes", "createdById", "updatedAt") SELECT 'g' || s.i, 'H' || s.i, 'b' || ((s.i - 1) / ${COMMITTEE_MEETINGS_EACH} + 1), ${types}, '学习', ${ts("2026-10-08 01:00:00", `((s.i - 1) % ${COMMITTEE_MEETINGS_EACH}) * 9`)}, '党员活动室', 'closed', 30, 60, 'bench', ${at} FROM ${series(meetings)}`,
    `INSERT INTO "MeetingAttendee" ("meetingId", "memberId", "name", "voting", "outcome", "reason") SELECT 'g' || s.i, 'm' || (((s.i - 1) / ${COMMITTEE_MEETINGS_EACH}) * ${COMMITTEE_MEMBERS_EACH} + o.i), '党员', ${yes}, CASE WHEN (s.i + o.i) % 4 = 0 THEN 'absent' ELSE 'present' END, CASE WHEN (s.i + o.i) % 4 = 0 THEN 'unexcused' ELSE NULL END FROM ${series(meetings)}, ${series(COMMITTEE_MEMBERS_EACH, "o")}`,
  ];
}

export const benchBranchExport = (database: DatabaseConfig) => benchExport(database, "branch");
export const benchCommitteeExport = (database: DatabaseConfig) => benchExport(database, "committee");

async function benchExport(database: DatabaseConfig, which: "branch" | "committee"): Promise<void> {
  const app = await createApp({
    config: testConfig(database),
    clock: { now: () => NOW },
    logger: silentLogger,
  });
  const prisma = app.db.prisma;
  for (const sql of generation(database.provider)) await prisma.$executeRawUnsafe(sql);
  if (database.provider === "postgresql") await prisma.$executeRawUnsafe("ANALYZE");
  const admin = await prisma.person.create({
    data: { displayName: "管理员", accounts: { create: { platform: "console", externalId: "bench-admin" } } },
  });
  await prisma.roleAssignment.create({
    data: { personId: admin.id, organizationId: null, role: "org_admin" },
  });
  const says = async (text: string) =>
    app.handle({
      user: { platform: "console", id: "bench-admin", displayName: "管理员" },
      chat: { platform: "console", id: "bench-admin-dm", kind: "private" },
      payload: { type: "text", text },
    });

  async function run(label: string, use: string, command: string, target: number, rawSql: string) {
    const used = (await says(`/use ${use}`)).map((r) => r.segments.map((s) => s.text).join("")).join("");
    if (!used.includes(use)) throw new Error(`/use ${use}: ${used}`);
    if (global.gc) global.gc();
    const baseRss = process.memoryUsage().rss;
    let peakRss = baseRss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 25);
    const start = performance.now();
    const [reply] = await says(command);
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    // The baseline after the export, so its rows do not count in the export's memory: a plain scan
    // of the same attendance lines, counted per meeting (160,000 rows through Prisma at once did
    // not fit the bench's 128 MB heap on SQLite).
    const rawStart = performance.now();
    const perMeeting = await prisma.$queryRawUnsafe<{ lines: number | bigint }[]>(rawSql);
    const rows = perMeeting.reduce((n, m) => n + Number(m.lines), 0);
    const rawSeconds = (performance.now() - rawStart) / 1000;
    const file = reply?.attachment?.path;
    const size = file ? statSync(file).size : 0;
    console.log(
      `  ${label}: ${seconds.toFixed(2)} s (target < ${target} s: ${seconds < target ? "met" : "NOT met"}) · ${reply?.attachment?.filename} ${(size / 1024).toFixed(0)} KB · peak RSS ${(peakRss / 1048576).toFixed(0)} MB, ${(baseRss / 1048576).toFixed(0)} MB before (target < 300 MB) · raw scan of its ${rows} attendance rows ${rawSeconds.toFixed(2)} s${file ? "" : ` · NO FILE: ${reply?.segments.map((s) => s.text).join("")}`}`,
    );
  }

  console.log(`\nLedger export · ${database.provider}`);
  // A running bot has loaded exceljs in the background soon after start-up (src/run.ts): the
  // export is measured the same way, and the one-off load is shown on its own.
  const loadStart = performance.now();
  await warmExcel();
  console.log(
    `  exceljs loaded and warmed before the export, as a running bot does after start-up: ${((performance.now() - loadStart) / 1000).toFixed(2)} s once`,
  );
  if (which === "branch")
    await run(
      `branch of ${BRANCH_MEMBERS} members, a year (${BRANCH_MEETINGS} meetings)`,
      "JG01",
      "/export 年",
      1,
      `SELECT a."meetingId", COUNT(*) AS lines FROM "MeetingAttendee" a JOIN "Meeting" m ON m."id" = a."meetingId" WHERE m."organizationId" = 'big' GROUP BY a."meetingId"`,
    );
  if (which === "committee")
    await run(
      `committee of ${COMMITTEE_BRANCHES} branches, a quarter (${COMMITTEE_BRANCHES * COMMITTEE_MEETINGS_EACH} meetings)`,
      "NH01",
      "/export 季",
      60,
      `SELECT a."meetingId", COUNT(*) AS lines FROM "MeetingAttendee" a JOIN "Meeting" m ON m."id" = a."meetingId" WHERE m."organizationId" <> 'big' GROUP BY a."meetingId"`,
    );
  await app.close();
}

// npm run backup's copy, taken while the bot runs and writes, restores to every row.
import { statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { backupSqlite, defaultBackupPath } from "../../src/db/backup.js";
import { openDatabase, Prisma } from "../../src/db/database.js";
import { test } from "../support/fixture.js";
import type { TestBot } from "../support/test-bot.js";
import { buildWorld } from "../support/world.js";

const onSqlite = !(process.env.DATABASE_URL?.startsWith("postgres") ?? false);

describe.skipIf(!onSqlite)("backups of the SQLite database", () => {
  let bot: TestBot;
  test.override({ startAt: "2026-03-02T01:00:00Z" });
  test.beforeEach(async ({ bot: started }) => {
    bot = started;
  });

  test("copies a running bot's database consistently, privately, and the copy opens with every row", async () => {
    const world = await buildWorld(bot);
    const source =
      (
        await bot.prisma.$queryRawUnsafe<{ file: string }[]>(
          "SELECT file FROM pragma_database_list WHERE name = 'main'",
        )
      )[0]?.file ?? "";
    const target = path.join(bot.app.files.root, "backups", "party-bot-test.db");
    // The bot keeps working while the copy is taken.
    const [backup] = await Promise.all([
      backupSqlite(source, target),
      world.secretaryA.schedules("党课 3月10日 15:00 党员活动室 学习党章"),
    ]);
    expect(backup.pages).toBeGreaterThan(0);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(target)).mode & 0o777).toBe(0o700);

    // A copy taken once the writes are done holds every row of every table.
    const settled = path.join(bot.app.files.root, "backups", "party-bot-settled.db");
    await backupSqlite(source, settled);
    for (const [file, exact] of [
      [target, false],
      [settled, true],
    ] as const) {
      const restored = await openDatabase({ provider: "sqlite", path: file });
      try {
        const now = await bot.snapshot();
        for (const model of Object.values(Prisma.ModelName)) {
          const delegate = model.charAt(0).toLowerCase() + model.slice(1);
          const client = restored.prisma as unknown as Record<string, { count(): Promise<number> }>;
          const count = await client[delegate]?.count();
          const rows = now[model]?.length ?? 0;
          // The copy taken during the write is of one moment: every organisation and member, and
          // the meeting either whole or not at all.
          if (exact || ["Organization", "Member", "Person", "RoleAssignment", "Chat"].includes(model))
            expect(count, model).toBe(rows);
          else expect(count, model).toBeLessThanOrEqual(rows);
        }
      } finally {
        await restored.close();
      }
    }
  });
});

describe("the name of a backup", () => {
  it.each([
    // 01:30 in Beijing is still the evening before in UTC: the file carries Beijing's date.
    ["2026-12-07T17:30:00Z", "Asia/Shanghai", "party-bot-20261208-013000.db"],
    ["2026-12-07T17:30:00Z", "UTC", "party-bot-20261207-173000.db"],
    ["2026-07-01T03:05:09Z", "America/New_York", "party-bot-20260630-230509.db"],
  ])("taken at %s in %s is %s", (at, zone, name) => {
    expect(path.basename(defaultBackupPath("/srv/party/data/party-bot.db", new Date(at), zone))).toBe(name);
    expect(path.dirname(defaultBackupPath("data/party-bot.db", new Date(at), zone))).toBe(
      path.resolve("data/backups"),
    );
  });
});

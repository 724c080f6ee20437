// A fault in the storage ends in a clear state: the command that hit it fails with the usual
// "nothing was changed", readiness says the database is unwritable while it lasts, and the bot
// answers again as soon as it is gone — it never wedges waiting on a transaction lock.
import { describe, expect } from "vitest";
import { test } from "../support/fixture.js";
import { joined } from "../support/replies.js";

const onSqlite = !(process.env.DATABASE_URL?.startsWith("postgres") ?? false);

/** Resolves with the promise's value, or "HUNG" if it takes longer than `ms`. */
const within = <T>(promise: Promise<T>, ms = 5_000): Promise<T | "HUNG"> =>
  Promise.race([promise, new Promise<"HUNG">((resolve) => setTimeout(() => resolve("HUNG"), ms))]);

describe.skipIf(!onSqlite)("storage faults on SQLite", () => {
  test.override({ startAt: "2026-03-02T01:00:00Z" });

  test("keeps answering after a COMMIT fails and leaves SQLite's transaction open", async ({
    bot,
    world,
  }) => {
    // A deferred foreign key fails at COMMIT, the way a full disk does: SQLite keeps the
    // transaction open on the connection, and the next BEGIN used to fail and hold the lock.
    const failed = await bot.app.db
      .transaction(async (tx) => {
        await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
        await tx.$executeRawUnsafe(
          `INSERT INTO "Member" ("id", "code", "name", "status", "state", "organizationId", "createdAt", "updatedAt") VALUES ('ghost', 'GHOST', '无此人', 'full', 'active', 'no-such-branch', '2026-03-02T01:00:00.000+00:00', '2026-03-02T01:00:00.000+00:00')`,
        );
      })
      .then(
        () => "committed",
        () => "failed",
      );
    expect(failed).toBe("failed");
    const answer = await within(world.secretaryA.says("/invite 5 7"));
    expect(answer).not.toBe("HUNG");
    expect(joined(answer as never)).toContain("邀请码");
    expect(await bot.prisma.member.count({ where: { id: "ghost" } })).toBe(0);
  });

  test("fails a write on a full disk cleanly, reports the database unwritable, and recovers when space is freed", async ({
    bot,
    world,
  }) => {
    const [row] = await bot.prisma.$queryRawUnsafe<{ pages: number }[]>(
      "SELECT page_count AS pages FROM pragma_page_count()",
    );
    const pages = Number(row?.pages);
    // No page more than the file has now: the next write that needs one finds the disk full.
    await bot.prisma.$queryRawUnsafe(`PRAGMA max_page_count = ${pages}`);
    let refused: string | undefined;
    for (let i = 0; i < 400 && !refused; i++) {
      const text = joined((await within(world.secretaryA.says("/invite 50 7"))) as never);
      if (text === "HUNG") throw new Error("a command hung on the full disk");
      if (!text.includes("邀请码")) refused = text;
    }
    expect(refused).toContain("没有做任何更改");
    const ready = await bot.app.readiness();
    expect(ready).toMatchObject({ ready: false, database: "unwritable" });
    expect(String(ready.error)).toMatch(/full/i);

    // Space is freed: the next command works and readiness is back.
    await bot.prisma.$queryRawUnsafe("PRAGMA max_page_count = 1073741823");
    const after = await within(world.secretaryA.says("/invite 5 7"));
    expect(joined(after as never)).toContain("邀请码");
    expect(await bot.app.readiness()).toMatchObject({ ready: true, database: "ok" });
  });
});

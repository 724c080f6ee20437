// Files with personal data — a 台账 export names members and their leave reasons — stay in the
// bot's own private folder, closed to other users of the machine, and do not outlive their send.
import { existsSync, readdirSync, statSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect } from "vitest";
import { test } from "../support/fixture.js";
import { telegramDriver } from "../support/platform-drivers.js";
import { codeAfter } from "../support/replies.js";
import type { TestBot } from "../support/test-bot.js";
import { buildWorld } from "../support/world.js";

const mode = (file: string) => statSync(file).mode & 0o777;

/** Every file left under a folder, however deep. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe("private files", () => {
  let bot: TestBot;
  test.override({ startAt: "2026-03-25T02:00:00Z" });
  test.beforeEach(async ({ bot: started }) => {
    bot = started;
  });

  test("keeps the SQLite database and its write-ahead log the owner's alone", async () => {
    if (process.env.DATABASE_URL?.startsWith("postgres")) return;
    await buildWorld(bot); // members, phones and all, are written
    const [main] = await bot.prisma.$queryRawUnsafe<{ file: string }[]>(
      "SELECT file FROM pragma_database_list WHERE name = 'main'",
    );
    const file = main?.file ?? "";
    expect(mode(file)).toBe(0o600);
    if (existsSync(`${file}-wal`)) expect(mode(`${file}-wal`)).toBe(0o600);
  });

  test("writes a secretary's export in the bot's private folder, 0600 in 0700 folders, never in the shared temp folder", async () => {
    const world = await buildWorld(bot);
    const [reply] = await world.secretaryA.says("/export 季");
    const file = reply?.attachment?.path ?? "";
    expect(file.startsWith(`${bot.app.files.root}${path.sep}`)).toBe(true);
    expect(path.dirname(path.dirname(path.dirname(file)))).toBe(bot.app.files.root);
    expect(mode(file)).toBe(0o600);
    for (let dir = path.dirname(file); dir.startsWith(bot.app.files.root); dir = path.dirname(dir))
      expect(mode(dir)).toBe(0o700);
    expect(file.startsWith(path.join(tmpdir(), "party-bot-exports"))).toBe(false);
  });

  test("sweeps what was not deleted after sending once it is a day old, and keeps what is newer", async () => {
    const world = await buildWorld(bot);
    const [old] = await world.secretaryA.says("/export 季");
    const [fresh] = await world.secretaryA.says("/export 月");
    const dayAgo = new Date(Date.now() - 25 * 3_600_000);
    const oldDir = path.dirname(old?.attachment?.path ?? "");
    utimesSync(oldDir, dayAgo, dayAgo);
    expect(await bot.app.files.sweep(new Date())).toBe(1);
    expect(existsSync(oldDir)).toBe(false);
    expect(existsSync(fresh?.attachment?.path ?? "")).toBe(true);
  });

  test("deletes an export once it has been sent on Telegram", async () => {
    const telegram = await telegramDriver(bot);
    try {
      const code = bot.app.bootstrapCode ?? "";
      expect(await telegram.says(0, `/bootstrap ${code}`, "private")).toContain("管理员");
      const said = async (text: string) => [
        { segments: [{ text: await telegram.says(0, text, "private") }] },
      ];
      const committee = codeAfter(await said("/org_add 党委 南湖街道党工委"), "代码");
      const branch = codeAfter(await said(`/org_add 党支部 幸福里社区党支部 ${committee}`), "代码");
      await telegram.says(0, `/use ${branch}`, "private");
      expect(await telegram.says(0, "/export 季", "private")).toContain("台账已生成");
      expect(filesUnder(path.join(bot.app.files.root, "exports"))).toEqual([]);
    } finally {
      await telegram.stop();
    }
  });
});

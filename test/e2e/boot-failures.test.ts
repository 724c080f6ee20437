// npm start with something wrong in its surroundings ends before it calls any platform, with a
// message in Chinese and English naming the variable to change — and a misspelt variable is
// pointed out by name, with the one it probably meant, instead of silently ignored.
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exited, startBot, waitFor } from "../support/bot-process.js";
import { FakeTelegram } from "../support/fake-telegram.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

describe("npm start refuses a bad surrounding before calling any platform", () => {
  let fake: FakeTelegram;
  let database: TestDatabase;
  let blocker: Server | undefined;
  beforeEach(async () => {
    fake = new FakeTelegram();
    await fake.start();
    database = createTestDatabase();
  });
  afterEach(async () => {
    await new Promise((resolve) => (blocker ? blocker.close(resolve) : resolve(undefined)));
    blocker = undefined;
    await fake.stop();
    await database.drop();
  });

  const telegram = () => ({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot });

  async function refused(env: Record<string, string>): Promise<string> {
    const bot = startBot(database, [], { ...telegram(), ...env });
    expect(await exited(bot.child)).toBe(2);
    expect(fake.calls).toEqual([]);
    return bot.output();
  }

  it("an invalid cron override, named", async () => {
    const text = await refused({ JOB_MEETING_REMINDERS_CRON: "every five minutes" });
    expect(text).toContain("JOB_MEETING_REMINDERS_CRON：“every five minutes” 不是有效的 cron 表达式");
    expect(text).toContain("is not a valid cron expression");
  });

  it("an unreachable PostgreSQL, with DATABASE_URL named", async () => {
    const text = await refused({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/test" });
    expect(text).toContain("无法连接 PostgreSQL（DATABASE_URL）");
    expect(text).toContain("Cannot connect to PostgreSQL (DATABASE_URL)");
    expect(text).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("a PostgreSQL address that takes the connection and closes it, with DATABASE_URL named", async () => {
    const server = createServer((socket) => socket.destroy());
    blocker = server;
    const port = await new Promise<number>((resolve) =>
      server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)),
    );
    const text = await refused({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/test` });
    expect(text).toContain("无法连接 PostgreSQL（DATABASE_URL）");
    expect(text).toContain("Cannot connect to PostgreSQL (DATABASE_URL)");
    expect(text).not.toMatch(/\n\s+at /);
  });

  it("a second process on the same SQLite file, which leaves the first one's bootstrap code alone", async () => {
    if (database.config.provider !== "sqlite") return;
    const first = startBot(database, [], telegram());
    try {
      await waitFor(first.output, "Telegram @");
      const code = first.output().match(/\/bootstrap (\S+)/)?.[1];
      expect(code).toBeTruthy();
      const calls = fake.calls.length;
      const second = startBot(database, [], telegram());
      expect(await exited(second.child)).toBe(2);
      const text = second.output();
      // A process that got as far as the platform would have asked who the bot is.
      expect(fake.calls.slice(calls).filter((c) => c.method === "getMe")).toEqual([]);
      expect(text).toContain("正被另一个机器人进程使用：同一个数据库只能运行一个进程");
      expect(text).toContain("is in use by another bot process");
      expect(text).not.toContain("/bootstrap");
      // The first one still serves, with its code.
      expect(first.child.exitCode).toBeNull();
    } finally {
      first.child.kill("SIGTERM");
      await exited(first.child);
    }
    // Once it has stopped, the file is free again.
    const again = startBot(database, [], telegram());
    await waitFor(again.output, "Telegram @");
    again.child.kill("SIGTERM");
    expect(await exited(again.child)).toBe(0);
  });

  it("a SQLite path that is not a database file, with SQLITE_PATH named", async () => {
    if (database.config.provider !== "sqlite") return;
    const notADatabase = path.join(mkdtempSync(path.join(tmpdir(), "party-bot-boot-")), "party.db");
    writeFileSync(notADatabase, "这不是数据库文件，是一份会议记录。".repeat(200));
    const text = await refused({ SQLITE_PATH: notADatabase, DATABASE_URL: "" });
    expect(text).toContain("（SQLITE_PATH）");
    expect(text).toContain("(SQLITE_PATH)");
  });

  it("a port already in use, with HTTP_PORT named", async () => {
    const server = createServer();
    blocker = server;
    const port = await new Promise<number>((resolve) =>
      server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)),
    );
    const text = await refused({ HTTP_PORT: String(port) });
    expect(text).toContain(`端口 127.0.0.1:${port} 已被占用：请换一个 HTTP_PORT`);
    expect(text).toContain("set another HTTP_PORT");
  });

  it("names a misspelt variable with the one it probably meant, and starts", async () => {
    const bot = startBot(database, [], { ...telegram(), JOB_MEETING_REMINDER_CRON: "*/10 * * * *" });
    try {
      await waitFor(bot.output, "Telegram @");
      expect(bot.output()).toContain(
        "未知的配置项 JOB_MEETING_REMINDER_CRON，是不是 JOB_MEETING_REMINDERS_CRON？已忽略。",
      );
      expect(bot.output()).toContain("did you mean JOB_MEETING_REMINDERS_CRON?");
    } finally {
      bot.child.kill("SIGTERM");
      await exited(bot.child);
    }
  });
});

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Config, DatabaseConfig } from "../../src/config.js";

export function testConfig(database: DatabaseConfig, overrides: Partial<Config> = {}): Config {
  return {
    env: "test",
    database,
    defaultLocale: "zh-CN",
    defaultTimeZone: "Asia/Shanghai",
    logLevel: "silent",
    logFile: "./data/logs/test.log",
    // Each test bot's own; it is removed when the bot closes (test-bot.ts).
    privateDir: mkdtempSync(path.join(tmpdir(), "party-bot-test-")),
    http: { host: "127.0.0.1", port: 0 },
    console: { user: "console-user", chat: "console-room" },
    shutdownTimeoutMs: 2_000,
    delivery: { concurrency: { telegram: 16, slack: 8 }, leaseMs: 60_000 },
    jobs: { leaseMs: 120_000 },
    bootstrapAdmins: [],
    ...overrides,
  };
}

import type { Config, DatabaseConfig } from "../../src/config.js";

export function testConfig(database: DatabaseConfig, overrides: Partial<Config> = {}): Config {
  return {
    env: "test",
    database,
    defaultLocale: "zh-CN",
    defaultTimeZone: "Asia/Shanghai",
    logLevel: "silent",
    logFile: "./data/logs/test.log",
    http: { host: "127.0.0.1", port: 0 },
    console: { user: "console-user", chat: "console-room" },
    shutdownTimeoutMs: 2_000,
    delivery: { concurrency: { telegram: 16, slack: 8 }, leaseMs: 60_000 },
    bootstrapAdmins: [],
    ...overrides,
  };
}

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES, ConfigError, loadConfig } from "../../src/config.js";

describe("configuration from the environment", () => {
  it("runs on the embedded SQLite file with Chinese and Shanghai time when nothing is set", () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ provider: "sqlite", path: "./data/party-bot.db" });
    expect(config.defaultLocale).toBe("zh-CN");
    expect(config.defaultTimeZone).toBe("Asia/Shanghai");
    expect(config.http).toEqual({ host: "127.0.0.1", port: 3000 });
  });

  it("selects PostgreSQL from a postgres URL and takes Prisma's ?schema= off it", () => {
    const config = loadConfig({ DATABASE_URL: "postgresql://bot@db.internal:5432/party?schema=branch_bot" });
    expect(config.database).toEqual({
      provider: "postgresql",
      url: "postgresql://bot@db.internal:5432/party",
      schema: "branch_bot",
    });
  });

  it("selects another SQLite file from a file: URL", () => {
    expect(loadConfig({ DATABASE_URL: "file:/var/lib/bot/bot.db" }).database).toEqual({
      provider: "sqlite",
      path: "/var/lib/bot/bot.db",
    });
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ DATABASE_URL: "" }).database.provider).toBe("sqlite");
  });

  it("names every bad variable in one readable error", () => {
    const bad = () =>
      loadConfig({
        DATABASE_URL: "mysql://x",
        HTTP_PORT: "80000",
        DEFAULT_TIME_ZONE: "Mars/Olympus",
        DEFAULT_LOCALE: "fr",
      });
    expect(bad).toThrow(ConfigError);
    try {
      bad();
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ["DATABASE_URL", "HTTP_PORT", "DEFAULT_TIME_ZONE", "DEFAULT_LOCALE"]) {
        expect(message).toContain(name);
      }
    }
  });
});

describe(".env.example", () => {
  it("documents every variable the bot reads", () => {
    const documented = readFileSync(".env.example", "utf8");
    for (const name of CONFIG_VARIABLES) expect(documented, name).toMatch(new RegExp(`^${name}=`, "m"));
  });
});

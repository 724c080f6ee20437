// Runs the real entry point as a separate process, the way `npm start` does, and talks to it
// through its standard input: the console chat, persistence across restarts, SIGTERM.
import { spawn } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exited, startBot, waitFor } from "../support/bot-process.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

async function session(database: TestDatabase, lines: string[], args: string[] = []) {
  const { child, output } = startBot(database, args);
  child.stdin?.end(`${lines.join("\n")}\n`);
  const code = await exited(child);
  return { code, output: output() };
}

describe("npm start", () => {
  let database: TestDatabase;
  beforeEach(() => {
    database = createTestDatabase();
  });
  afterEach(async () => {
    await database.drop();
  });

  it("opens the console chat, where /help answers in Chinese", async () => {
    const { code, output } = await session(database, ["/help"]);
    expect(code).toBe(0);
    expect(output).toContain("党支部助手 · 控制台");
    expect(output).toContain("/lang <zh|en> — 切换语言");
  });

  it("keeps the data when the process is stopped and started again", async () => {
    const first = await session(database, ["/lang en"], ["--as", "lihua:李华"]);
    expect(first.output).toContain("Language set to English.");
    const second = await session(database, ["/whoami"], ["--as", "lihua:李华"]);
    expect(second.output).toContain("Language: English");
    expect(second.output).toContain("You are on record.");
  });

  it("stops cleanly on SIGTERM", async () => {
    const { child, output } = startBot(database);
    await waitFor(output, "党支部助手 · 控制台");
    const done = exited(child);
    child.kill("SIGTERM");
    expect(await done).toBe(0);
  });

  it("refuses to start with a readable message naming a bad variable", async () => {
    const bad = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { ...process.env, HTTP_PORT: "not-a-port" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let text = "";
    bad.stderr?.on("data", (c: Buffer) => {
      text += c.toString("utf8");
    });
    expect(await exited(bad)).toBe(2);
    expect(text.indexOf("配置有误（见 .env.example）：\n  HTTP_PORT：")).toBe(0);
    expect(text).toContain("Invalid configuration (see .env.example):\n  HTTP_PORT: ");
    expect(text).not.toMatch(/\n\s+at /);
  });
});

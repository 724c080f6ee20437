// The real entry point as a separate process (what `npm start` runs), for tests that restart,
// kill or talk to it: its database passed through the environment it reads in production.
import { type ChildProcess, spawn } from "node:child_process";
import type { TestDatabase } from "./test-database.js";

export function databaseEnv(database: TestDatabase): Record<string, string> {
  const { config } = database;
  if (config.provider === "sqlite") return { SQLITE_PATH: config.path, DATABASE_URL: "" };
  const url = new URL(config.url);
  url.searchParams.set("schema", config.schema);
  return { DATABASE_URL: url.toString() };
}

export function startBot(
  database: TestDatabase,
  args: string[] = [],
  env: Record<string, string> = {},
): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", ...args], {
    env: {
      ...process.env,
      ...databaseEnv(database),
      HTTP_PORT: "0",
      LOG_FILE: `${process.cwd()}/data/logs/e2e.log`,
      ...env,
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    out += chunk.toString("utf8");
  });
  return { child, output: () => out };
}

export const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });

export async function waitFor(output: () => string, text: string, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!output().includes(text)) {
    if (Date.now() > until) throw new Error(`timed out waiting for "${text}" in:\n${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

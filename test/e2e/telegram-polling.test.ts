// npm start with a Telegram token: the real process long-polls a local Bot API server, publishes
// its command menu and answers a member.
import { type ChildProcess, spawn } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeTelegram } from "../support/fake-telegram.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

describe("npm start on Telegram (long polling)", () => {
  let fake: FakeTelegram;
  let database: TestDatabase;
  let child: ChildProcess | undefined;
  beforeEach(async () => {
    fake = new FakeTelegram();
    await fake.start();
    database = createTestDatabase();
  });
  afterEach(async () => {
    child?.kill("SIGTERM");
    if (child && child.exitCode === null) await new Promise((resolve) => child?.once("exit", resolve));
    await fake.stop();
    await database.drop();
  });

  it("publishes its commands in Chinese and English and answers /help in a private chat", async () => {
    const db = database.config;
    const dbEnv =
      db.provider === "sqlite"
        ? { SQLITE_PATH: db.path, DATABASE_URL: "" }
        : { DATABASE_URL: `${db.url}${db.url.includes("?") ? "&" : "?"}schema=${db.schema}` };
    let output = "";
    child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: {
        ...process.env,
        ...dbEnv,
        HTTP_PORT: "0",
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (c: Buffer) => {
      output += c.toString();
    });
    child.stderr?.on("data", (c: Buffer) => {
      output += c.toString();
    });
    await fake
      .waitFor(() => output.includes("Telegram @party_branch_bot (polling)"), 20_000)
      .catch(() => {
        throw new Error(output);
      });
    // The menus are published in the background after the start.
    await fake.waitFor(() => fake.sent("setMyCommands").length === 4, 10_000);
    const menus = fake.sent("setMyCommands");
    const zhMember = menus.find(
      (m) => !m.params.language_code && (m.params.scope as { type: string }).type === "all_group_chats",
    );
    const commands = ((zhMember?.params.commands ?? []) as { command: string; description: string }[]).map(
      (c) => c.command,
    );
    expect(commands).toContain("checkin");
    expect(commands).not.toContain("invite");
    // Secretaries get their menu in the groups they speak in, not every group administrator.
    expect(menus.map((m) => (m.params.scope as { type: string }).type)).not.toContain(
      "all_chat_administrators",
    );

    fake.push({
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 4242, type: "private", first_name: "刘洋" },
        from: { id: 4242, is_bot: false, first_name: "刘洋" },
        text: "/help",
      },
    } as never);
    await fake.waitFor(() => fake.sent().length > 0, 20_000);
    expect(fake.sent()[0]?.params).toMatchObject({ chat_id: 4242, parse_mode: "HTML" });
    expect(String(fake.sent()[0]?.params.text)).toContain("<b>党支部助手</b>");
  });
});

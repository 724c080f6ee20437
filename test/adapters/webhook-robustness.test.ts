// The bot cannot be knocked over through its webhook: the real start-up (startTelegram in webhook
// mode) and HTTP server, a Bot API fake, and 20 requests that are malformed, oversized, forged or
// slow. Each gets an answer, none escapes as an unhandled rejection (vitest fails the run if one
// does), and the bot keeps answering people. A Bot API that fails setMyCommands at start-up does
// not stop the start either.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StartedAdapter } from "../../src/adapters/contract.js";
import { telegramAdapter } from "../../src/adapters/telegram/telegram-adapter.js";
import type { App } from "../../src/app.js";
import { silentLogger } from "../../src/core/logger.js";
import { type HttpServer, startHttpServer } from "../../src/http/health-server.js";
import { FakeTelegram } from "../support/fake-telegram.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const SECRET = "webhook-secret-for-robustness";

describe("a webhook that cannot be knocked over", () => {
  let bot: TestBot;
  let fake: FakeTelegram;
  let http: HttpServer;
  let telegram: StartedAdapter;
  const failures: string[] = [];

  async function start() {
    telegram = await telegramAdapter.start(
      {
        token: fake.token,
        mode: "webhook",
        webhookUrl: "https://bot.example.org/telegram/webhook",
        webhookSecret: SECRET,
        webhookAnswerMs: 300,
        apiRoot: fake.apiRoot,
      },
      { ...bot.app, logger: silentLogger },
    );
    http = await startHttpServer(
      "127.0.0.1",
      0,
      { accepting: true, ping: async () => undefined },
      telegram.routes,
      (err, path) => failures.push(`${path}: ${String(err)}`),
    );
  }

  beforeEach(async () => {
    bot = await startTestBot({ platform: "telegram" });
    fake = new FakeTelegram();
    await fake.start();
    // A command that takes longer than the webhook waits, and one that fails outright.
    const handle = bot.app.handle.bind(bot.app);
    (bot.app as { handle: App["handle"] }).handle = async (incoming) => {
      const text = incoming.payload.type === "text" ? incoming.payload.text : "";
      if (text === "/help slow") await new Promise((r) => setTimeout(r, 1_000));
      if (text === "/help boom") throw new Error("handler exploded");
      return handle(incoming);
    };
  });
  afterEach(async () => {
    await http?.close();
    await telegram?.stop(1_000);
    await fake.stop();
    await bot.close();
  });

  const post = (body: string, secret: string | null = SECRET) =>
    fetch(`http://127.0.0.1:${http.port}/telegram/webhook`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}),
      },
      body,
    });
  let nextId = 1;
  const message = (text: string) =>
    JSON.stringify({
      update_id: nextId++,
      message: {
        message_id: nextId,
        date: 0,
        chat: { id: 4242, type: "private", first_name: "王芳" },
        from: { id: 4242, is_bot: false, first_name: "王芳" },
        text,
      },
    });

  it("answers 20 malformed, forged, oversized and slow requests and keeps serving", async () => {
    await start();
    const bad: [string, string, string | null, number][] = [
      ["not JSON", "{not json", SECRET, 400],
      ["empty", "", SECRET, 400],
      ["null", "null", SECRET, 400],
      ["an array", "[]", SECRET, 400],
      ["a string id", '{"update_id":"x"}', SECRET, 400],
      ["a negative id", '{"update_id":-5}', SECRET, 400],
      ["truncated", message("/help").slice(0, 40), SECRET, 400],
      ["two megabytes", `{"update_id":1,"pad":"${"x".repeat(2 * 1024 * 1024)}"}`, SECRET, 413],
      ["a wrong secret", message("/help"), "guessed-secret-value-000000000", 401],
      ["no secret", message("/help"), null, 401],
      ["a secret of other bytes", message("/help"), "é".repeat(30), 401],
      ["a failing handler", message("/help boom"), SECRET, 200],
    ];
    for (const [name, body, secret, status] of [...bad, ...bad.slice(0, 4)]) {
      const res = await post(body, secret);
      expect(res.status, name).toBe(status);
    }
    // Four updates slower than the webhook waits: acknowledged in time, answered when done.
    const slow = await Promise.all([1, 2, 3, 4].map(() => post(message("/help slow"))));
    expect(slow.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    await fake.waitFor(() => fake.sent().length >= 4, 5_000);

    const before = fake.sent().length;
    expect((await post(message("/help"))).status).toBe(200);
    await fake.waitFor(() => fake.sent().length > before);
    expect(String(fake.sent().at(-1)?.params.text)).toContain("/help");
    expect((await fetch(`http://127.0.0.1:${http.port}/healthz`)).status).toBe(200);
  }, 20_000);

  it("on stopping, finishes an acknowledged slow update with its reply sent, and sends new ones back", async () => {
    await start();
    // Acknowledged after 300 ms, while the command and then its reply (1 s each way) still run.
    fake.latencyMs = 400;
    const started = Date.now();
    expect((await post(message("/help slow"))).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(900);
    expect(fake.sent("sendMessage")).toEqual([]);
    const stopping = telegram.stop(10_000);
    // A new update while stopping goes back to Telegram, which delivers it again later.
    expect((await post(message("/help"))).status).toBe(503);
    await stopping;
    const replies = fake.sent("sendMessage");
    expect(replies).toHaveLength(1);
    expect(String(replies[0]?.params.text)).toContain("/help");
  }, 20_000);

  it("starts when Telegram fails setMyCommands, and answers people", async () => {
    fake.failWithServerError("setMyCommands", 100);
    await start();
    expect((await post(message("/help"))).status).toBe(200);
    await fake.waitFor(() => fake.sent().length > 0);
    expect(fake.calls.some((c) => c.method === "setWebhook")).toBe(true);
  });
});

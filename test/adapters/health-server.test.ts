import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type HttpServer, startHttpServer } from "../../src/http/health-server.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

describe("GET /healthz", () => {
  let bot: TestBot;
  let http: HttpServer;
  beforeEach(async () => {
    bot = await startTestBot();
    const app = bot.app;
    http = await startHttpServer("127.0.0.1", 0, {
      get accepting() {
        return app.accepting;
      },
      ping: () => app.db.ping(),
    });
  });
  afterEach(async () => {
    await http.close();
    await bot.close();
  });

  const get = (path: string) => fetch(`http://127.0.0.1:${http.port}${path}`);

  it("says ok while the bot takes updates and its database answers", async () => {
    const res = await get("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("says 503 once shutdown has begun, so a load balancer stops sending work", async () => {
    await bot.app.close();
    const res = await get("/healthz");
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "shutting_down" });
  });

  it("answers 404 elsewhere", async () => {
    expect((await get("/nope")).status).toBe(404);
  });
});

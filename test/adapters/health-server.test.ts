import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type HttpServer, startHttpServer } from "../../src/http/health-server.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

describe("GET /healthz and /readyz", () => {
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
      readiness: () => app.readiness({ platforms: { console: "up" } }),
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

  it("reports ready with the outbox's backlog and the job runs that gave up, and not ready without its database", async () => {
    const failedAt = new Date(Date.now() - 3_600_000);
    await bot.prisma.jobRun.create({
      data: {
        jobId: "absence-warnings",
        slot: failedAt,
        status: "failed",
        claimedBy: "a",
        startedAt: failedAt,
        attempts: 3,
        error: "Error: disk I/O error",
      },
    });
    bot.clock.set(new Date().toISOString());
    const res = await get("/readyz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: "ready",
      database: "ok",
      migrations: "applied",
      outbox: { waiting: 0, retrying: 0, dead: {} },
      failedJobs: [{ job: "absence-warnings", slot: failedAt.toISOString(), error: "Error: disk I/O error" }],
      platforms: { console: "up" },
    });

    // The database stops answering (an I/O error): still alive, no longer ready.
    Object.assign(bot.app.db, {
      ping: () => Promise.reject(new Error("SqliteError: disk I/O error")),
    });
    expect((await get("/healthz")).status).toBe(200);
    const down = await get("/readyz");
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: "not_ready", database: "unavailable" });
  });

  it("answers 404 elsewhere", async () => {
    expect((await get("/nope")).status).toBe(404);
  });
});

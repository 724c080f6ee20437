import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { commands } from "../../commands/index.js";
import { createApp } from "../../src/app.js";
import { silentLogger } from "../../src/core/logger.js";
import { textReply } from "../../src/core/reply.js";
import { openDatabase } from "../../src/db/database.js";
import { defineCommand } from "../../src/runtime/command.js";
import { FakeClock } from "../support/fake-clock.js";
import { testConfig } from "../support/test-config.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

describe("graceful shutdown", () => {
  let database: TestDatabase;
  beforeEach(() => {
    database = createTestDatabase();
  });
  afterEach(async () => {
    await database.drop();
  });

  it("finishes a command in flight, takes no new updates, then closes the database", async () => {
    let started: () => void = () => undefined;
    const slowStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    let finish: () => void = () => undefined;
    const mayFinish = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const slow = defineCommand({
      name: "slow",
      aliases: [],
      role: "anyone",
      args: z.tuple([]),
      async run({ services, actor }) {
        started();
        await mayFinish;
        await services.identity.setLocale(actor.user, "en");
        return textReply("done");
      },
    });
    const app = await createApp({
      config: testConfig(database.config),
      clock: new FakeClock(),
      logger: silentLogger,
      commands: [...commands, slow],
    });
    const user = { platform: "console" as const, id: "laowang", displayName: "老王" };
    const chat = { platform: "console" as const, id: "dm:laowang", kind: "private" as const };
    const inFlight = app.handle({ user, chat, payload: { type: "text", text: "/slow" } });
    await slowStarted;
    const closing = app.close();
    expect(app.accepting).toBe(false);
    expect(await app.handle({ user, chat, payload: { type: "text", text: "/help" } })).toEqual([]);
    finish();
    expect((await inFlight).map((r) => r.segments[0]?.text)).toEqual(["done"]);
    await closing;

    const reopened = await openDatabase(database.config);
    expect((await reopened.prisma.person.findFirstOrThrow()).locale).toBe("en");
    await reopened.close();
  });
});

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { UserRef } from "../../src/core/incoming.js";
import { PrivateFiles } from "../../src/core/private-files.js";
import { type Database, openDatabase } from "../../src/db/database.js";
import { createServiceScope } from "../../src/service-scope.js";
import { FakeClock } from "../support/fake-clock.js";
import { createTestDatabase, type TestDatabase, testProvider } from "../support/test-database.js";

// SQLite runs one transaction at a time, so only PostgreSQL can interleave two of them.
describe.runIf(testProvider() === "postgresql")("transactions that race on a unique key", () => {
  let database: TestDatabase;
  let db: Database;
  beforeEach(async () => {
    database = createTestDatabase();
    db = await openDatabase(database.config);
  });
  afterEach(async () => {
    await db.close();
    await database.drop();
  });

  it("re-runs the loser, which then finds the winner's row instead of failing", async () => {
    const scope = createServiceScope(db, {
      clock: new FakeClock(),
      defaultTimeZone: "Asia/Shanghai",
      files: new PrivateFiles(mkdtempSync(path.join(tmpdir(), "party-bot-test-"))),
    });
    const user: UserRef = { platform: "telegram", id: "30001", displayName: "何平" };
    let arrived = 0;
    let release: () => void = () => undefined;
    const bothHaveLooked = new Promise<void>((resolve) => {
      release = resolve;
    });
    const sawExisting: boolean[] = [];
    const racer = () =>
      scope.transaction(async (services) => {
        sawExisting.push((await services.identity.findPerson(user)) !== null);
        arrived += 1;
        if (arrived === 2) release();
        await bothHaveLooked;
        return services.identity.ensurePerson(user);
      });
    const [a, b] = await Promise.all([racer(), racer()]);
    expect(a.id).toBe(b.id);
    // Both looked and saw nobody; the loser's re-run saw the winner's row.
    expect(sawExisting).toEqual([false, false, true]);
    expect(await db.prisma.platformAccount.count()).toBe(1);
  });
});

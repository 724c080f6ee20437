// The pacing statement in the database does the same arithmetic as the pure GCRA rule, on both
// engines, and keeps its budget when many callers take slots at once (as instances do).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TELEGRAM_LIMITS } from "../../src/adapters/telegram/limits.js";
import { type Database, openDatabase } from "../../src/db/database.js";
import { PaceRepository } from "../../src/delivery/pace-repository.js";
import { gcra, type PaceRule } from "../../src/delivery/platform-limits.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

const group = TELEGRAM_LIMITS.pace.find((r) => r.scope === "group") as PaceRule;
const chat = TELEGRAM_LIMITS.pace.find((r) => r.scope === "chat") as PaceRule;
const platform = TELEGRAM_LIMITS.pace.find((r) => r.scope === "platform") as PaceRule;

describe("send pacing kept in the database", () => {
  let database: TestDatabase;
  let db: Database;
  let pace: PaceRepository;
  beforeEach(async () => {
    database = createTestDatabase();
    db = await openDatabase(database.config);
    pace = new PaceRepository(db.raw, db.provider);
  });
  afterEach(async () => {
    await db.close();
    await database.drop();
  });

  it.each([
    ["a group's 20 a minute", group, 1_500],
    ["a chat's one a second", chat, 1_500],
    ["the bot's 30 a second", platform, Number.POSITIVE_INFINITY],
  ])("grants and refuses exactly as the rule says: %s", async (_name, rule, maxWait) => {
    const base = 1_790_000_000_000;
    const arrivals = [0, 0, 10, 200, 1_000, 1_000, 1_001, 5_000, 5_000, 5_000, 60_000, 60_000];
    let tat: number | null = null;
    for (const offset of arrivals) {
      const expected = gcra(tat, base + offset, rule, maxWait);
      const got = await pace.reserve(
        "telegram:chat:-100777",
        rule,
        base + offset,
        Number.isFinite(maxWait) ? maxWait : undefined,
      );
      expect(got, `at +${offset} ms`).toEqual(expected);
      tat = expected.tat;
    }
  });

  it("hands out distinct slots to callers taking them at once", async () => {
    const now = 1_790_000_000_000;
    const grants = await Promise.all(
      Array.from({ length: 60 }, () => pace.reserve("telegram", platform, now)),
    );
    const waits = grants.map((g) => g.waitMs).sort((a, b) => a - b);
    expect(waits).toEqual(Array.from({ length: 60 }, (_, i) => i * platform.intervalMs));
  });

  it("holds a key until a platform's Retry-After has passed, and forgets stale keys", async () => {
    const now = 1_790_000_000_000;
    await pace.hold("slack", now + 30_000);
    expect((await pace.reserve("slack", platform, now)).waitMs).toBe(30_000);
    expect(await pace.prune(now + 60_000)).toBe(1);
  });
});

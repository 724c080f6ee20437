// Send pacing in the database, so every instance on one database draws from the same budget.
// One statement per step: the GCRA of platform-limits.ts as an upsert that only moves the TAT
// when the slot is granted. Times are epoch milliseconds of the wall clock (pacing is about real
// seconds on the platform's side, not the bot's injected clock).
import { Prisma } from "../db/database.js";
import type { RawSql } from "../db/raw-sql.js";
import type { PaceGrant, PaceRule } from "./platform-limits.js";

const NO_LIMIT = 1e12;

export class PaceRepository {
  constructor(
    private readonly raw: RawSql,
    private readonly provider: "sqlite" | "postgresql",
  ) {}

  async reserve(key: string, rule: PaceRule, now: number, maxWaitMs = NO_LIMIT): Promise<PaceGrant> {
    const greatest = this.provider === "postgresql" ? Prisma.raw("GREATEST") : Prisma.raw("max");
    const n = Math.floor(now);
    const rows = await this.raw.query<{ tat: number | bigint }>(Prisma.sql`
      INSERT INTO "DeliveryPace" ("key", "tat") VALUES (${key}, CAST(${n + rule.intervalMs} AS BIGINT))
      ON CONFLICT ("key") DO UPDATE
        SET "tat" = ${greatest}("DeliveryPace"."tat", CAST(${n} AS BIGINT)) + CAST(${rule.intervalMs} AS BIGINT)
        WHERE "DeliveryPace"."tat" - CAST(${rule.burstMs + n + Math.min(maxWaitMs, NO_LIMIT)} AS BIGINT) <= 0
      RETURNING "tat"`);
    const granted = rows[0];
    if (granted) {
      const tat = Number(granted.tat);
      return { granted: true, waitMs: Math.max(0, tat - rule.intervalMs - rule.burstMs - n), tat };
    }
    const [held] = await this.raw.query<{ tat: number | bigint }>(
      Prisma.sql`SELECT "tat" FROM "DeliveryPace" WHERE "key" = ${key}`,
    );
    const tat = Number(held?.tat ?? n);
    return { granted: false, waitMs: Math.max(0, tat - rule.burstMs - n), tat };
  }

  /** Nothing may be sent on this key before `until` (a platform-wide 429's Retry-After). */
  async hold(key: string, until: number): Promise<void> {
    const greatest = this.provider === "postgresql" ? Prisma.raw("GREATEST") : Prisma.raw("max");
    await this.raw.execute(Prisma.sql`
      INSERT INTO "DeliveryPace" ("key", "tat") VALUES (${key}, CAST(${Math.floor(until)} AS BIGINT))
      ON CONFLICT ("key") DO UPDATE SET "tat" = ${greatest}("DeliveryPace"."tat", CAST(${Math.floor(until)} AS BIGINT))`);
  }

  /** Keys whose TAT is long past carry no information: forget them. */
  prune(before: number): Promise<number> {
    return this.raw.execute(
      Prisma.sql`DELETE FROM "DeliveryPace" WHERE "tat" < CAST(${Math.floor(before)} AS BIGINT)`,
    );
  }
}

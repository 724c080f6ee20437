// Hands out the domain services bound either to plain reads or to one transaction, so a command's
// writes commit together or not at all; work registered to run after the commit runs once it has.
import { Coalescer } from "./core/coalescer.js";
import { createServices } from "./create-services.js";
import { type Database, isRetryableConflict } from "./db/database.js";
import { viaPrisma } from "./db/raw-sql.js";
import type { ServiceDeps, Services } from "./services.js";

export interface ServiceScope {
  read<T>(fn: (services: Services) => Promise<T>): Promise<T>;
  transaction<T>(fn: (services: Services) => Promise<T>): Promise<T>;
  /**
   * For work whose writes are each one idempotent statement: PostgreSQL runs them as they come
   * (no BEGIN/COMMIT round trips), then the after-commit hooks; SQLite, one writer at a time,
   * runs it in a transaction as usual.
   */
  autocommit<T>(fn: (services: Services) => Promise<T>): Promise<T>;
}

const MAX_ATTEMPTS = 3;

export function createServiceScope(db: Database, deps: ServiceDeps): ServiceScope {
  // One per scope (an app instance): hot announcement markers written after commits, coalesced.
  const hotMarkers = db.provider === "postgresql" ? new Coalescer() : null;
  const withProvider = { ...deps, provider: db.provider, hotMarkers };
  const runAfterCommit = async (hooks: ((s: Services) => Promise<unknown>)[]) => {
    for (const hook of hooks) {
      try {
        await hook(reader);
      } catch (error) {
        deps.onAfterCommitError?.(error);
      }
    }
  };
  // Outside a transaction there is nothing to wait for: the work runs straight away.
  const reader: Services = createServices(
    db.prisma,
    db.raw,
    withProvider,
    (work) => void runAfterCommit([work]),
  );
  const scope: ServiceScope = {
    read: (fn) => fn(reader),
    async autocommit(fn) {
      if (db.provider !== "postgresql") return scope.transaction(fn);
      const hooks: ((s: Services) => Promise<unknown>)[] = [];
      const result = await fn(createServices(db.prisma, db.raw, withProvider, (work) => hooks.push(work)));
      await runAfterCommit(hooks);
      return result;
    },
    async transaction(fn) {
      // Two commands racing to create the same row (say, a first message from one person on two
      // devices) collide on a unique key; the loser's transaction rolled back whole, so re-running
      // it sees the winner's row and does the right thing.
      for (let attempt = 1; ; attempt++) {
        try {
          const hooks: ((s: Services) => Promise<unknown>)[] = [];
          const result = await db.transaction((tx) =>
            fn(createServices(tx, viaPrisma(tx), withProvider, (work) => hooks.push(work))),
          );
          await runAfterCommit(hooks);
          return result;
        } catch (error) {
          if (attempt >= MAX_ATTEMPTS || !isRetryableConflict(error)) throw error;
        }
      }
    },
  };
  return scope;
}

// The domain services a command can use. A scope hands them out bound either to plain reads or
// to one transaction, so a command's writes commit together or not at all.
import type { Clock } from "./core/clock.js";
import { type Database, isRetryableConflict, type Tx } from "./db/database.js";
import { IdentityService } from "./identity/identity-service.js";
import { UpdateLedger } from "./updates/update-ledger.js";

export interface Services {
  identity: IdentityService;
  updates: UpdateLedger;
}

export interface ServiceDeps {
  clock: Clock;
}

export interface ServiceScope {
  read<T>(fn: (services: Services) => Promise<T>): Promise<T>;
  transaction<T>(fn: (services: Services) => Promise<T>): Promise<T>;
}

function createServices(db: Tx, _deps: ServiceDeps): Services {
  return { identity: new IdentityService(db), updates: new UpdateLedger(db) };
}

const MAX_ATTEMPTS = 3;

export function createServiceScope(db: Database, deps: ServiceDeps): ServiceScope {
  const reader = createServices(db.prisma, deps);
  return {
    read: (fn) => fn(reader),
    async transaction(fn) {
      // Two commands racing to create the same row (say, a first message from one person on two
      // devices) collide on a unique key; the loser's transaction rolled back whole, so re-running
      // it sees the winner's row and does the right thing.
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.transaction((tx) => fn(createServices(tx, deps)));
        } catch (error) {
          if (attempt >= MAX_ATTEMPTS || !isRetryableConflict(error)) throw error;
        }
      }
    },
  };
}

// The domain services a command can use. A scope hands them out bound either to plain reads or
// to one transaction, so a command's writes commit together or not at all.
import type { Clock } from "./core/clock.js";
import type { Database, Tx } from "./db/database.js";
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

export function createServiceScope(db: Database, deps: ServiceDeps): ServiceScope {
  const reader = createServices(db.prisma, deps);
  return {
    read: (fn) => fn(reader),
    transaction: (fn) => db.transaction((tx) => fn(createServices(tx, deps))),
  };
}

// The rooms of the house, lowest first, as docs/architecture.md draws them. A file belongs to the
// first room that holds it. A room imports only from rooms of a lower rank; the domain slices, on
// one floor, may also import each other (never round in a circle).
import type { Room } from "../support/import-graph.js";

const under =
  (...folders: string[]) =>
  (file: string) =>
    folders.some((f) => file.startsWith(`${f}/`));
const oneOf =
  (...names: string[]) =>
  (file: string) =>
    names.includes(file);

export const ROOMS: readonly Room[] = [
  { name: "ground (core)", rank: 0, peers: false, holds: under("src/core") },
  { name: "configuration", rank: 1, peers: false, holds: oneOf("src/config.ts", "src/config-errors.ts") },
  { name: "storage (db)", rank: 2, peers: false, holds: under("src/db") },
  {
    name: "service wiring",
    rank: 4,
    peers: false,
    holds: oneOf("src/services.ts", "src/create-services.ts", "src/repositories.ts", "src/service-scope.ts"),
  },
  { name: "command runtime", rank: 5, peers: true, holds: under("src/runtime") },
  { name: "scheduler", rank: 5, peers: true, holds: under("src/scheduler") },
  {
    name: "delivery engine",
    rank: 5,
    peers: true,
    holds: oneOf("src/delivery/delivery-worker.ts", "src/delivery/delivery-outcomes.ts"),
  },
  { name: "commands", rank: 7, peers: false, holds: under("commands") },
  { name: "jobs", rank: 6, peers: false, holds: under("jobs") },
  { name: "adapters", rank: 7, peers: false, holds: under("src/adapters") },
  { name: "http", rank: 6, peers: false, holds: under("src/http") },
  {
    name: "app wiring",
    rank: 8,
    peers: true,
    holds: (f) =>
      oneOf("src/app.ts", "src/run.ts", "src/main.ts", "src/platforms.ts", "src/startup-checks.ts")(f) ||
      under("src/demo", "src/process")(f),
  },
  // Everything else in src/ is a domain slice: a folder per concern, on one floor.
  { name: "domain slices", rank: 3, peers: true, holds: under("src") },
];

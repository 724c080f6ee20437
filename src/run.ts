// Composition root: config → logger → app (database, services, router) → HTTP → adapters.
// Handles SIGINT/SIGTERM: stop taking updates, finish in-flight work, close the database.
// src/main.ts runs it for `npm start`; scripts/demo.ts runs it after seeding the demo.

import { hostname } from "node:os";
import { parseArgs } from "node:util";
import { jobs } from "../jobs/index.js";
import { ConsoleAdapter } from "./adapters/console/console-adapter.js";
import { createApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { systemClock } from "./core/clock.js";
import { createLogger } from "./core/logger.js";
import { DeliveryWorker } from "./delivery/delivery-worker.js";
import { startHttpServer } from "./http/health-server.js";
import { InvalidCronError, Scheduler } from "./scheduler/scheduler.js";

export async function run(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const { values: flags } = parseArgs({
    args: argv,
    options: { as: { type: "string" }, in: { type: "string" }, dm: { type: "boolean" } },
    allowPositionals: false,
  });
  const config = loadConfig(env);
  // Console mode: logs go to a file so they do not interleave with the conversation.
  const logFile = config.logFile;
  const logger = createLogger(config.logLevel, logFile);
  const app = await createApp({ config, clock: systemClock, logger });
  const http = await startHttpServer(config.http.host, config.http.port, {
    get accepting() {
      return app.accepting;
    },
    ping: () => app.db.ping(),
  });
  logger.info({ database: config.database.provider, httpPort: http.port }, "started");

  let worker: DeliveryWorker | undefined;
  const [userId, userName] = (flags.as ?? config.console.user).split(":");
  const console_ = new ConsoleAdapter({
    input: process.stdin,
    output: process.stdout,
    handle: (incoming) => app.handle(incoming),
    t: app.i18n.translator(config.defaultLocale),
    user: { id: userId ?? config.console.user, ...(userName ? { name: userName } : {}) },
    chat: flags.dm
      ? { id: `dm:${userId}`, kind: "private" }
      : { id: flags.in ?? config.console.chat, kind: "group" },
    color: Boolean(process.stdout.isTTY),
    prompt: Boolean(process.stdin.isTTY),
    afterCommand: () => worker?.drainOnce() ?? Promise.resolve(0),
  });
  worker = new DeliveryWorker(
    app.services,
    new Map([["console", console_]]),
    app.renderOutbox,
    systemClock,
    logger,
  );
  worker.start(1_000);
  const scheduler = new Scheduler(jobs, {
    scope: app.services,
    clock: systemClock,
    i18n: app.i18n,
    logger,
    instanceId: `${hostname()}:${process.pid}`,
    timeZone: config.defaultTimeZone,
  });
  // Slots missed while the bot was down: run the still-useful ones once, record the rest.
  await scheduler.catchUp();
  scheduler.start();

  let stopping: Promise<void> | undefined;
  const shutdown = (reason: string) => {
    stopping ??= (async () => {
      logger.info({ reason }, "shutting down");
      console_.stop();
      await scheduler.stop();
      await worker?.stop();
      await app.close();
      await http.close();
      logger.info("stopped");
      logger.flush();
    })();
    return stopping;
  };
  process.once("SIGINT", () => void shutdown("SIGINT").then(() => process.exit(0)));
  process.once("SIGTERM", () => void shutdown("SIGTERM").then(() => process.exit(0)));

  process.stdout.write(
    `HTTP ${config.http.host}:${http.port}/healthz · ${describeDatabase(config.database)} · log ${logFile}\n`,
  );
  if (app.bootstrapCode) {
    process.stdout.write(
      `${app.i18n.translator(config.defaultLocale)("bootstrap.printed", { code: app.bootstrapCode })}\n`,
    );
    logger.warn("no administrator yet: a one-time /bootstrap code was printed on the console");
  }
  await console_.run();
  await shutdown("console closed");
}

function describeDatabase(db: ReturnType<typeof loadConfig>["database"]): string {
  return db.provider === "sqlite" ? `SQLite ${db.path}` : `PostgreSQL (schema ${db.schema})`;
}

export function exitOnStartFailure(error: unknown): never {
  if (error instanceof ConfigError || error instanceof InvalidCronError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
}

// Composition root: config → logger → app (database, services, router) → platform adapters →
// HTTP → delivery worker → scheduler. With a Telegram token the bot runs on Telegram; without one
// it opens the console chat. Handles SIGINT/SIGTERM: stop taking updates, finish in-flight work,
// close the database. src/main.ts runs it for `npm start`; scripts/demo.ts after seeding.
import { existsSync } from "node:fs";
import { hostname } from "node:os";
import { parseArgs } from "node:util";
import { jobs } from "../jobs/index.js";
import { ConsoleAdapter } from "./adapters/console/console-adapter.js";
import type { StartedAdapter } from "./adapters/contract.js";
import { createApp } from "./app.js";
import { CONFIG_VARIABLES, ConfigError, loadConfig } from "./config.js";
import { systemClock } from "./core/clock.js";
import type { Platform } from "./core/incoming.js";
import { createLogger } from "./core/logger.js";
import { DeliveryWorker } from "./delivery/delivery-worker.js";
import type { Sender } from "./delivery/sender.js";
import { preloadExcel } from "./exports/excel.js";
import { CALENDAR_PREFIX, calendarRoute } from "./http/calendar-route.js";
import { type Route, startHttpServer } from "./http/health-server.js";
import { ADAPTERS } from "./platforms.js";
import { checkCronOverrides, InvalidCronError, Scheduler } from "./scheduler/scheduler.js";
import { explainStartFailure, StartError, unknownVariables, unknownVariableText } from "./startup-checks.js";

export async function run(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const { values: flags } = parseArgs({
    args: argv,
    options: { as: { type: "string" }, in: { type: "string" }, dm: { type: "boolean" } },
    allowPositionals: false,
  });
  // A .env where the bot is started is read when there is one; the environment wins over it.
  if (env === process.env && existsSync(".env")) process.loadEnvFile(".env");
  // Everything the configuration says is checked before anything is opened or called.
  const config = loadConfig(env);
  checkCronOverrides(jobs, env);
  const unknown = unknownVariables(
    env,
    CONFIG_VARIABLES,
    jobs.map((j) => j.id),
  );
  for (const variable of unknown) process.stderr.write(`${unknownVariableText(variable)}\n`);
  // The platforms configured, each with its settings; none: the console chat.
  const configured = ADAPTERS.flatMap((adapter) => {
    const settings = adapter.settings(config);
    return settings === undefined ? [] : [{ adapter, settings }];
  });
  const consoleMode = configured.length === 0;
  // In console mode logs go to a file so they do not interleave with the conversation.
  const logger = createLogger(config.logLevel, consoleMode ? config.logFile : undefined);
  for (const variable of unknown) logger.warn(variable, "unknown setting ignored");
  // Last line of defence: whatever escaped every boundary is logged, and the bot keeps serving
  // the other chats rather than dropping every conversation at once.
  process.on("unhandledRejection", (err) => logger.error({ err }, "unhandled rejection; still serving"));
  process.on("uncaughtException", (err) => logger.error({ err }, "uncaught exception; still serving"));
  const app = await createApp({ config, clock: systemClock, logger }).catch((error: unknown) => {
    throw explainStartFailure(error, config) ?? error;
  });
  const senders = new Map<Platform, Sender>();
  let worker: DeliveryWorker | undefined;
  const started = new Map<Platform, StartedAdapter>();

  // The port is taken before any platform is called: a port in use ends the start here. The
  // webhook routes are added once the platforms are up.
  const routes = new Map<string, Route>([
    [`GET ${CALENDAR_PREFIX}`, calendarRoute((t) => app.calendarFeed(t))],
  ]);
  const http = await startHttpServer(
    config.http.host,
    config.http.port,
    {
      get accepting() {
        return app.accepting;
      },
      ping: () => app.db.ping(),
      readiness: () =>
        app.readiness({
          platforms: Object.fromEntries([
            ["console", consoleMode ? "up" : "off"],
            ...ADAPTERS.map((a) => [a.platform, started.has(a.platform) ? "up" : "off"]),
          ]),
        }),
    },
    routes,
    (err, path) => logger.warn({ err, path }, "webhook request failed"),
  ).catch(async (error: unknown) => {
    await app.close();
    throw explainStartFailure(error, config) ?? error;
  });

  for (const { adapter, settings } of configured) {
    const adapterStarted = await adapter.start(settings, app);
    started.set(adapter.platform, adapterStarted);
    senders.set(adapter.platform, adapterStarted.sender);
    for (const [path, route] of adapterStarted.routes) routes.set(path, route);
  }

  const [userId, userName] = (flags.as ?? config.console.user).split(":");
  const console_ = consoleMode
    ? new ConsoleAdapter({
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
      })
    : undefined;
  if (console_) senders.set("console", console_);

  worker = new DeliveryWorker(app.services, senders, app.outboxKinds, systemClock, logger, {
    workerId: `${hostname()}:${process.pid}`,
    concurrency: config.delivery.concurrency,
    leaseMs: config.delivery.leaseMs,
    t: app.i18n.translator(config.defaultLocale),
  });
  worker.start(1_000);
  const scheduler = new Scheduler(jobs, {
    scope: app.services,
    clock: systemClock,
    i18n: app.i18n,
    logger,
    instanceId: `${hostname()}:${process.pid}`,
    timeZone: config.defaultTimeZone,
    leaseMs: config.jobs.leaseMs,
  });
  // Slots missed while the bot was down: run the still-useful ones once, record the rest.
  await scheduler.catchUp();
  scheduler.start();
  // Ready for the first /export without making that secretary wait for exceljs to load.
  preloadExcel(5_000);
  // Private files not deleted after sending (the console's, charts queued for several chats)
  // are swept once they are a day old.
  const sweep = () =>
    app.files
      .sweep(systemClock.now())
      .catch((err) => logger.warn({ err }, "could not sweep the private files"));
  void sweep();
  const sweeper = setInterval(sweep, 3_600_000);
  sweeper.unref();
  logger.info(
    { database: config.database.provider, httpPort: http.port, platforms: [...senders.keys()] },
    "started",
  );

  let stopping: Promise<void> | undefined;
  const shutdown = (reason: string) => {
    stopping ??= (async () => {
      logger.info({ reason }, "shutting down");
      // However the stop goes, the process ends: a hung platform call must not keep it.
      const deadline = setTimeout(() => {
        logger.error({ reason }, "shutdown took too long; exiting");
        logger.flush();
        process.exit(1);
      }, config.shutdownTimeoutMs + 5_000);
      deadline.unref();
      console_?.stop();
      for (const adapter of started.values()) await adapter.stop();
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

  const t = app.i18n.translator(config.defaultLocale);
  const where = [...started.values()].map((a) => a.description).join(" + ") || "console";
  process.stdout.write(
    `${where} · HTTP ${config.http.host}:${http.port}/healthz · ${describeDatabase(config.database)}${consoleMode ? ` · log ${config.logFile}` : ""}\n`,
  );
  if (app.bootstrapCode) {
    process.stdout.write(`${t("bootstrap.printed", { code: app.bootstrapCode })}\n`);
    logger.warn({ code: app.bootstrapCode }, "no administrator yet: send /bootstrap with this code");
  }
  if (console_) {
    await console_.run();
    await shutdown("console closed");
  }
}

function describeDatabase(db: ReturnType<typeof loadConfig>["database"]): string {
  return db.provider === "sqlite" ? `SQLite ${db.path}` : `PostgreSQL (schema ${db.schema})`;
}

export function exitOnStartFailure(error: unknown): never {
  if (error instanceof ConfigError || error instanceof InvalidCronError || error instanceof StartError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
}

// Composition root: settings → logger → app (database, services, router) → HTTP → platform
// adapters (or the console chat when none is configured) → delivery worker → scheduler. Handles
// SIGINT/SIGTERM: stop taking updates, finish in-flight work, close the database. src/main.ts
// runs it for `npm start`; scripts/demo.ts after seeding.
import type { StartedAdapter } from "./adapters/contract.js";
import { type App, createApp } from "./app.js";
import { type Config, ConfigError } from "./config.js";
import { systemClock } from "./core/clock.js";
import type { Platform } from "./core/incoming.js";
import { createLogger, type Logger } from "./core/logger.js";
import { lockSqliteFile } from "./db/sqlite-instance-lock.js";
import type { Sender } from "./delivery/sender.js";
import { CALENDAR_PREFIX, calendarRoute } from "./http/calendar-route.js";
import { type HttpServer, type Route, startHttpServer } from "./http/health-server.js";
import { ADAPTERS } from "./platforms.js";
import { type BackgroundWork, startBackgroundWork } from "./process/background-work.js";
import { consoleChat } from "./process/console-chat.js";
import { readSettings } from "./process/read-settings.js";
import { InvalidCronError } from "./scheduler/scheduler.js";
import { explainStartFailure, StartError } from "./startup-checks.js";

export async function run(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const { config, flags, configured, unknown } = readSettings(argv, env);
  const consoleMode = configured.length === 0;
  // In console mode logs go to a file so they do not interleave with the conversation.
  const logger = createLogger(config.logLevel, consoleMode ? config.logFile : undefined);
  for (const variable of unknown) logger.warn(variable, "unknown setting ignored");
  // Last line of defence: whatever escaped every boundary is logged, and the bot keeps serving
  // the other chats rather than dropping every conversation at once.
  process.on("unhandledRejection", (err) => logger.error({ err }, "unhandled rejection; still serving"));
  process.on("uncaughtException", (err) => logger.error({ err }, "uncaught exception; still serving"));
  const explained = (error: unknown) => {
    throw explainStartFailure(error, config) ?? error;
  };
  // Before the database is opened: a second process on the same SQLite file changes nothing.
  const lock = await Promise.resolve()
    .then(() => (config.database.provider === "sqlite" ? lockSqliteFile(config.database.path) : null))
    .catch(explained);
  const app = await createApp({ config, clock: systemClock, logger }).catch((error: unknown) => {
    lock?.release();
    return explained(error);
  });
  const started = new Map<Platform, StartedAdapter>();
  const routes = new Map<string, Route>([
    [`GET ${CALENDAR_PREFIX}`, calendarRoute((t) => app.calendarFeed(t))],
  ]);
  const http = await listen(app, config, routes, () =>
    Object.fromEntries([
      ["console", consoleMode ? "up" : "off"],
      ...ADAPTERS.map((a) => [a.platform, started.has(a.platform) ? "up" : "off"]),
    ]),
  );

  const senders = new Map<Platform, Sender>();
  for (const { adapter, settings } of configured) {
    const adapterStarted = await adapter.start(settings, app);
    started.set(adapter.platform, adapterStarted);
    senders.set(adapter.platform, adapterStarted.sender);
    for (const [path, route] of adapterStarted.routes) routes.set(path, route);
  }
  let background: BackgroundWork | undefined;
  const console_ = consoleMode
    ? consoleChat(app, config, flags, () => background?.worker.drainOnce() ?? Promise.resolve(0))
    : undefined;
  if (console_) senders.set("console", console_);
  background = await startBackgroundWork(app, config, senders);
  const work = background;
  logger.info(
    { database: config.database.provider, httpPort: http.port, platforms: [...senders.keys()] },
    "started",
  );

  const shutdown = onceShutdown(logger, config, async () => {
    console_?.stop();
    await Promise.all([...started.values()].map((adapter) => adapter.stop(config.shutdownTimeoutMs)));
    await work.stop();
    await app.close();
    await http.close();
    lock?.release();
  });
  process.once("SIGINT", () => void shutdown("SIGINT").then(() => process.exit(0)));
  process.once("SIGTERM", () => void shutdown("SIGTERM").then(() => process.exit(0)));

  const where = [...started.values()].map((a) => a.description).join(" + ") || "console";
  process.stdout.write(
    `${where} · HTTP ${config.http.host}:${http.port}/healthz · ${describeDatabase(config.database)}${consoleMode ? ` · log ${config.logFile}` : ""}\n`,
  );
  printBootstrapCode(app, config, logger);
  if (console_) {
    await console_.run();
    await shutdown("console closed");
  }
}

/**
 * The port is taken before any platform is called: a port in use ends the start here. The
 * webhook routes are added to `routes` once the platforms are up.
 */
function listen(
  app: App,
  config: Config,
  routes: Map<string, Route>,
  platforms: () => Record<string, string>,
): Promise<HttpServer> {
  return startHttpServer(
    config.http.host,
    config.http.port,
    {
      get accepting() {
        return app.accepting;
      },
      ping: () => app.db.ping(),
      readiness: () => app.readiness({ platforms: platforms() }),
    },
    routes,
    (err, path) => app.logger.warn({ err, path }, "webhook request failed"),
  ).catch(async (error: unknown) => {
    await app.close();
    throw explainStartFailure(error, config) ?? error;
  });
}

/** The stop, run once however often it is asked for; the process ends even if a part hangs. */
function onceShutdown(logger: Logger, config: Config, stopParts: () => Promise<void>) {
  let stopping: Promise<void> | undefined;
  return (reason: string) => {
    stopping ??= (async () => {
      logger.info({ reason }, "shutting down");
      const deadline = setTimeout(() => {
        logger.error({ reason }, "shutdown took too long; exiting");
        logger.flush();
        process.exit(1);
      }, config.shutdownTimeoutMs + 5_000);
      deadline.unref();
      await stopParts();
      logger.info("stopped");
      logger.flush();
    })();
    return stopping;
  };
}

function printBootstrapCode(app: App, config: Config, logger: Logger): void {
  if (!app.bootstrapCode) return;
  const t = app.i18n.translator(config.defaultLocale);
  process.stdout.write(`${t("bootstrap.printed", { code: app.bootstrapCode })}\n`);
  logger.warn({ code: app.bootstrapCode }, "no administrator yet: send /bootstrap with this code");
}

function describeDatabase(db: Config["database"]): string {
  return db.provider === "sqlite" ? `SQLite ${db.path}` : `PostgreSQL (schema ${db.schema})`;
}

export function exitOnStartFailure(error: unknown): never {
  if (error instanceof ConfigError || error instanceof InvalidCronError || error instanceof StartError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  // Whoever runs the bot reads why in their language; the stack is for LOG_LEVEL=debug.
  const message = error instanceof Error ? error.message : String(error);
  const stack = process.env.LOG_LEVEL === "debug" && error instanceof Error ? `\n${error.stack}` : "";
  process.stderr.write(
    `启动失败：${message}\n（设置 LOG_LEVEL=debug 可看到详细信息。）\nFailed to start: ${message}\n(Set LOG_LEVEL=debug for the details.)${stack}\n`,
  );
  process.exit(1);
}

// Builds the bot from its parts: database, services, commands, router. Used by main.ts, by the
// tests (with a fake clock and a per-test database) and by the benchmarks.

import { commands as allCommands } from "../commands/index.js";
import type { BotHost } from "./adapters/contract.js";
import { calendarFileKind } from "./calendar/calendar-file-kind.js";
import { drawStoredReply } from "./charts/stored-reply.js";
import type { Config } from "./config.js";
import type { Clock } from "./core/clock.js";
import { I18n, matchLocale } from "./core/i18n.js";
import { InFlight } from "./core/in-flight.js";
import type { Logger } from "./core/logger.js";
import { PrivateFiles } from "./core/private-files.js";
import { mayRun } from "./core/roles.js";
import { shortCode } from "./core/short-code.js";
import { type Database, openDatabase } from "./db/database.js";
import { type OutboxDrawing, OutboxKinds } from "./delivery/outbox-kinds.js";
import type { Readiness } from "./http/health-server.js";
import { readinessOf } from "./http/readiness.js";
import { announcementKind } from "./meetings/announce.js";
import { ANSWER_HINTS } from "./platforms.js";
import type { AnyCommand } from "./runtime/command.js";
import { CommandRegistry } from "./runtime/registry.js";
import { Router } from "./runtime/router.js";
import { createServiceScope, type ServiceScope } from "./service-scope.js";
import type { Services } from "./services.js";

export interface AppDeps {
  config: Config;
  clock: Clock;
  logger: Logger;
  commands?: readonly AnyCommand[];
}

/** The bot as the adapters (BotHost), the process, the jobs and the tests see it. */
export interface App extends BotHost {
  readonly db: Database;
  readonly registry: CommandRegistry;
  /** Domain services outside any command, for jobs, seeding and tests. */
  readonly services: ServiceScope;
  /** Stops taking updates, waits for in-flight work (up to the timeout), closes the database. */
  close(timeoutMs?: number): Promise<void>;
  readonly accepting: boolean;
  /** How each kind of outbox message is drawn when delivered (announcements fresh, with counts). */
  readonly outboxKinds: OutboxDrawing;
  /** The one-time code to print when the installation has no administrator yet. */
  readonly bootstrapCode: string | null;
  /** A person's calendar subscription as iCalendar, or null for an unknown or revoked token. */
  calendarFeed(token: string): Promise<string | null>;
  /** What /readyz reports: the database, migrations, the outbox's backlog, failed job runs. */
  readiness(extra?: Record<string, unknown>): Promise<Readiness>;
}

export async function createApp({ config, clock, logger, commands = allCommands }: AppDeps): Promise<App> {
  const db = await openDatabase(config.database);
  const i18n = new I18n(config.defaultLocale);
  const registry = new CommandRegistry(commands);
  const files = new PrivateFiles(config.privateDir);
  const scope = createServiceScope(db, {
    clock,
    defaultTimeZone: config.defaultTimeZone,
    files,
    publicUrl: config.http.publicUrl ?? `http://${config.http.host}:${config.http.port}`,
    onAfterCommitError: (err) => logger.warn({ err }, "work after a commit failed"),
  });
  const bootstrapCode = await prepareBootstrap(scope, config, clock);
  const router = new Router({ scope, registry, i18n, clock, logger, answerHints: ANSWER_HINTS });
  const outboxKinds = new OutboxKinds<Services>(drawStoredReply, () => ({
    read: (fn) => scope.read(fn),
    t: i18n.translator(i18n.defaultLocale),
    now: clock.now(),
    files,
  })).register(announcementKind, calendarFileKind);
  const inFlight = new InFlight();
  let accepting = true;

  return {
    db,
    i18n,
    registry,
    logger,
    commands: () => registry.all(),
    bootstrapCode,
    services: scope,
    files,
    outboxKinds,
    get accepting() {
      return accepting;
    },
    calendarFeed: (token) =>
      scope.read((s) =>
        s.calendar.feed(token, clock.now(), (id) => s.zones.of(id), i18n.translator(i18n.defaultLocale)),
      ),
    readiness: (extra) => readinessOf(db, scope, clock, extra),
    async translatorFor(user) {
      const person = await scope.read((s) => s.identity.findPerson(user));
      const locale = matchLocale(person?.locale) ?? matchLocale(user.languageHint) ?? i18n.defaultLocale;
      return i18n.translator(locale);
    },
    async menuLevel(user, chat) {
      const { roles } = await scope.read((s) => s.context.resolve(user, chat));
      return mayRun("secretary", roles) ? "secretary" : "member";
    },
    async chatGone(chat, detail) {
      await scope.transaction((s) =>
        s.outbox.chatGoneTellingBinder(
          chat.platform,
          chat.id,
          detail,
          clock.now(),
          i18n.translator(i18n.defaultLocale),
        ),
      );
    },
    handle(incoming) {
      if (!accepting) return Promise.resolve([]);
      const upload = incoming.attachment?.path;
      // An uploaded roster is read by its command and then has no business staying on disk.
      const handled = upload
        ? router.handle(incoming).finally(() => files.discard(upload).catch(() => undefined))
        : router.handle(incoming);
      return inFlight.track(handled);
    },
    async close(timeoutMs = config.shutdownTimeoutMs) {
      if (!accepting) return;
      accepting = false;
      const drained = await inFlight.drain(timeoutMs);
      if (!drained) logger.warn({ pending: inFlight.size }, "shutdown timed out with work in flight");
      await db.close();
    },
  };
}

/** Makes configured administrators; without any administrator, issues a one-time code. */
async function prepareBootstrap(scope: ServiceScope, config: Config, clock: Clock): Promise<string | null> {
  return scope.transaction(async (services) => {
    for (const ref of config.bootstrapAdmins) {
      const person = await services.identity.ensurePerson({ ...ref, displayName: ref.id });
      await services.access.grantInstallationAdmin(person.id);
    }
    if (await services.access.hasAdministrator()) return null;
    const code = `${shortCode(4)}-${shortCode(4)}`;
    await services.access.issueBootstrapCode(code.replace("-", ""), clock.now());
    return code;
  });
}

// What runs beside the conversations: the delivery worker, the scheduler (after catching up the
// slots missed while the process was down), the private files' sweep, exceljs loaded ahead.
import { hostname } from "node:os";
import { jobs } from "../../jobs/index.js";
import type { App } from "../app.js";
import type { Config } from "../config.js";
import { systemClock } from "../core/clock.js";
import type { Platform } from "../core/incoming.js";
import { DeliveryWorker } from "../delivery/delivery-worker.js";
import type { Sender } from "../delivery/sender.js";
import { preloadExcel } from "../exports/excel.js";
import { Scheduler } from "../scheduler/scheduler.js";

const SWEEP_EVERY_MS = 3_600_000;

export interface BackgroundWork {
  worker: DeliveryWorker;
  stop(): Promise<void>;
}

export async function startBackgroundWork(
  app: App,
  config: Config,
  senders: ReadonlyMap<Platform, Sender>,
): Promise<BackgroundWork> {
  const { logger } = app;
  const instanceId = `${hostname()}:${process.pid}`;
  const worker = new DeliveryWorker(app.services, senders, app.outboxKinds, systemClock, logger, {
    workerId: instanceId,
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
    instanceId,
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
  const sweeper = setInterval(sweep, SWEEP_EVERY_MS);
  sweeper.unref();
  return {
    worker,
    async stop() {
      clearInterval(sweeper);
      await scheduler.stop();
      await worker.stop();
    },
  };
}

// One bot instance of the two-instance fan-out bench (bench/fan-out.ts): a delivery worker on the
// shared database sending to the parent's fake Bot API with the bot's one token, until nothing
// is left to send. Run as its own process, like a second server.
import { createApp } from "../src/app.js";
import type { DatabaseConfig } from "../src/config.js";
import { systemClock } from "../src/core/clock.js";
import { silentLogger } from "../src/core/logger.js";
import { DeliveryWorker } from "../src/delivery/delivery-worker.js";
import { telegramSenderFor } from "../test/support/fake-senders.js";
import { testConfig } from "../test/support/test-config.js";

const database = JSON.parse(process.env.BENCH_DATABASE ?? "{}") as DatabaseConfig;
const app = await createApp({ config: testConfig(database), clock: systemClock, logger: silentLogger });
const sender = telegramSenderFor(
  {
    token: process.env.BENCH_TOKEN ?? "",
    apiRoot: process.env.BENCH_API_ROOT ?? "",
    botUser: { id: 1, is_bot: true, first_name: "bench", username: "bench_bot" },
  },
  app.i18n.translator("zh-CN"),
);
const worker = new DeliveryWorker(
  app.services,
  new Map([["telegram", sender]]),
  app.outboxKinds,
  systemClock,
  silentLogger,
  {
    workerId: `bench-${process.pid}`,
  },
);
// Both instances start sending at the parent's word, so process start-up is not timed.
process.stdout.write("ready\n");
await new Promise((resolve) => process.stdin.once("data", resolve));
for (;;) {
  const handled = await worker.drainOnce();
  const left = await app.db.prisma.outboxMessage.count({ where: { sentAt: null, deadAt: null } });
  if (left === 0) break;
  if (handled === 0) await new Promise((r) => setTimeout(r, 50));
}
await worker.stop();
await app.close();

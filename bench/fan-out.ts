// Benchmark: one notice fanned out to many Telegram chats through the outbox, the delivery worker
// and the real grammY sender, against a local Bot API server that enforces Telegram's limits and
// answers 429 beyond them. Telegram allows 30 messages a second, so N chats take at least N/30 s:
// the figure is total time against that floor, with messages lost and duplicated, and peak RSS.

import { createTelegramBot } from "../src/adapters/telegram/telegram-bot.js";
import { createApp } from "../src/app.js";
import type { DatabaseConfig } from "../src/config.js";
import { systemClock } from "../src/core/clock.js";
import { silentLogger } from "../src/core/logger.js";
import { textReply } from "../src/core/reply.js";
import { DeliveryWorker } from "../src/delivery/delivery-worker.js";
import { FakeTelegram } from "../test/support/fake-telegram.js";
import { testConfig } from "../test/support/test-config.js";

const CHATS = Number(process.env.BENCH_FANOUT_CHATS ?? 600);

export async function benchFanOut(database: DatabaseConfig): Promise<void> {
  const app = await createApp({ config: testConfig(database), clock: systemClock, logger: silentLogger });
  const fake = new FakeTelegram();
  fake.enforceLimits = true;
  await fake.start();
  const { sender } = createTelegramBot({
    token: fake.token,
    apiRoot: fake.apiRoot,
    botInfo: fake.botUser as never,
    secret: "bench",
    handle: async () => [],
    t: app.i18n.translator("zh-CN"),
    logger: silentLogger,
  });
  await app.services.transaction(async (s) => {
    for (let i = 0; i < CHATS; i++) {
      await s.outbox.toChat(
        { platform: "telegram", chatId: String(-1_000_000 - i) },
        textReply("【会议提醒】明天 09:00 主题党日，请准时参加。"),
        {
          now: systemClock.now(),
          dedupeKey: `bench-fanout:${i}`,
        },
      );
    }
  });
  const worker = new DeliveryWorker(
    app.services,
    new Map([["telegram", sender]]),
    app.renderOutbox,
    systemClock,
    silentLogger,
    { workerId: "bench" },
  );
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const start = performance.now();
  for (;;) {
    const handled = await worker.drainOnce();
    const left = await app.db.prisma.outboxMessage.count({ where: { sentAt: null } });
    if (left === 0) break;
    if (handled === 0) await new Promise((r) => setTimeout(r, 20));
  }
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  const perChat = new Map<string, number>();
  for (const call of fake.sent())
    perChat.set(String(call.params.chat_id), (perChat.get(String(call.params.chat_id)) ?? 0) + 1);
  const delivered = perChat.size;
  const duplicated = [...perChat.values()].reduce((n, c) => n + (c - 1), 0);
  const floor = CHATS / 30;
  console.log(
    `\nFan-out · ${database.provider} · one notice to ${CHATS} Telegram chats (limits enforced by the fake Bot API)`,
  );
  console.log(
    `  total ${seconds.toFixed(1)} s · floor ${floor.toFixed(1)} s · ratio ${(seconds / floor).toFixed(2)}× (target ≤ 1.1×)`,
  );
  console.log(
    `  delivered ${delivered}/${CHATS} · lost ${CHATS - delivered} · duplicated ${duplicated} · peak RSS ${(peakRss / 1048576).toFixed(0)} MB`,
  );
  await worker.stop();
  await fake.stop();
  await app.close();
}

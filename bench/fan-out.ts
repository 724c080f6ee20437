// Benchmark: one notice fanned out to many Telegram chats through the outbox, the delivery worker
// and the real grammY sender, against a local Bot API that enforces Telegram's limits (answering
// 429 beyond them) and answers each call after a set latency, as a real network does. Telegram
// allows 30 messages a second, so N chats take at least N/30 s: the figure is the total time
// against that floor, at 0, 100 and 250 ms per call, with messages lost and duplicated, 429s
// received and peak RSS; on PostgreSQL also two bot instances (two processes, one token, one
// database) sharing the limits.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type App, createApp } from "../src/app.js";
import type { DatabaseConfig } from "../src/config.js";
import { systemClock } from "../src/core/clock.js";
import { silentLogger } from "../src/core/logger.js";
import { textReply } from "../src/core/reply.js";
import { DeliveryWorker } from "../src/delivery/delivery-worker.js";
import { telegramSenderFor } from "../test/support/fake-senders.js";
import { FakeTelegram } from "../test/support/fake-telegram.js";
import { testConfig } from "../test/support/test-config.js";

const CHATS = Number(process.env.BENCH_FANOUT_CHATS ?? 600);
const LATENCIES = (process.env.BENCH_FANOUT_LATENCIES ?? "0,100,250").split(",").map(Number);

async function queue(app: App, runId: string): Promise<void> {
  await app.db.prisma.outboxMessage.deleteMany({});
  await app.services.transaction(async (s) => {
    for (let i = 0; i < CHATS; i++) {
      await s.outbox.toChat(
        { platform: "telegram", chatId: String(-1_000_000 - i) },
        textReply("【会议提醒】明天 09:00 主题党日，请准时参加。"),
        { now: systemClock.now(), dedupeKey: `bench-fanout:${runId}:${i}` },
      );
    }
  });
}

function report(label: string, fake: FakeTelegram, seconds: number, peakRss: number | null): void {
  const perChat = new Map<string, number>();
  for (const call of fake.sent())
    perChat.set(String(call.params.chat_id), (perChat.get(String(call.params.chat_id)) ?? 0) + 1);
  const duplicated = [...perChat.values()].reduce((n, c) => n + (c - 1), 0);
  const floor = CHATS / 30;
  console.log(
    `  ${label.padEnd(22)} ${seconds.toFixed(1)} s · floor ${floor.toFixed(1)} s · ratio ${(seconds / floor).toFixed(2)}× (target ≤ 1.1×) · lost ${CHATS - perChat.size} · duplicated ${duplicated} · 429s ${fake.tooManyRequests}${peakRss ? ` · peak RSS ${(peakRss / 1048576).toFixed(0)} MB` : ""}`,
  );
}

export async function benchFanOut(database: DatabaseConfig): Promise<void> {
  const app = await createApp({ config: testConfig(database), clock: systemClock, logger: silentLogger });
  console.log(
    `\nFan-out · ${database.provider} · one notice to ${CHATS} Telegram chats (limits enforced by the fake Bot API)`,
  );
  for (const latency of LATENCIES) {
    const fake = new FakeTelegram();
    fake.enforceLimits = true;
    fake.latencyMs = latency;
    await fake.start();
    const sender = telegramSenderFor(fake, app.i18n.translator("zh-CN"));
    await queue(app, `one-${latency}`);
    const worker = new DeliveryWorker(
      app.services,
      new Map([["telegram", sender]]),
      app.outboxKinds,
      systemClock,
      silentLogger,
      {
        workerId: "bench",
      },
    );
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 100);
    const start = performance.now();
    for (;;) {
      const handled = await worker.drainOnce();
      const left = await app.db.prisma.outboxMessage.count({ where: { sentAt: null, deadAt: null } });
      if (left === 0) break;
      if (handled === 0) await new Promise((r) => setTimeout(r, 20));
    }
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    report(`one instance, ${latency} ms`, fake, seconds, peakRss);
    await worker.stop();
    await fake.stop();
  }
  if (database.provider === "postgresql") await twoInstances(app, database);
  await app.close();
}

/** Two processes with one token on one database: the limits must hold for both together. */
async function twoInstances(app: App, database: DatabaseConfig): Promise<void> {
  const latency = LATENCIES.at(-1) ?? 100;
  const fake = new FakeTelegram();
  fake.enforceLimits = true;
  fake.latencyMs = latency;
  await fake.start();
  await queue(app, "two");
  const script = fileURLToPath(new URL("./fan-out-instance.js", import.meta.url));
  const env = {
    ...process.env,
    BENCH_DATABASE: JSON.stringify(database),
    BENCH_TOKEN: fake.token,
    BENCH_API_ROOT: fake.apiRoot,
  };
  const children = [0, 1].map(() =>
    spawn(process.execPath, [...process.execArgv, script], { env, stdio: ["pipe", "pipe", "inherit"] }),
  );
  const exits = children.map((child) => new Promise<number | null>((resolve) => child.once("exit", resolve)));
  await Promise.all(children.map((child) => new Promise((resolve) => child.stdout?.once("data", resolve))));
  const start = performance.now();
  for (const child of children) child.stdin?.end("go\n");
  const codes = await Promise.all(exits);
  const seconds = (performance.now() - start) / 1000;
  report(`two instances, ${latency} ms`, fake, seconds, null);
  if (codes.some((c) => c !== 0)) console.log(`  (an instance exited with ${codes.join(", ")})`);
  await fake.stop();
}

// Benchmark: 50 members of one Telegram group press 签到 on the same announcement at the same
// moment, through the real grammY bot and a Bot API that takes 100 ms a call. Each press is
// answered (answerCallbackQuery) when its check-in is recorded; the figure is when the last
// answer left, next to the platform floor (one API call) measured in the same run.

import { encodeCallback } from "../src/adapters/telegram/callback-data.js";
import { createTelegramBot } from "../src/adapters/telegram/telegram-bot.js";
import { createApp } from "../src/app.js";
import type { DatabaseConfig } from "../src/config.js";
import type { Clock } from "../src/core/clock.js";
import { silentLogger } from "../src/core/logger.js";
import { FakeTelegram } from "../test/support/fake-telegram.js";
import { testConfig } from "../test/support/test-config.js";
import { seedBenchBranch } from "./bench-branch.js";
import { printTable, summarize } from "./stats.js";

const PRESSES = Number(process.env.BENCH_PRESSES ?? 50);
const LATENCY_MS = Number(process.env.BENCH_API_LATENCY_MS ?? 100);
const GROUP = -1_001_500_000_000;
const SECRET = "bench-button-secret";

export async function benchButtonPresses(database: DatabaseConfig): Promise<void> {
  let now = new Date("2026-03-02T01:00:00Z");
  const clock: Clock = { now: () => now };
  const app = await createApp({ config: testConfig(database), clock, logger: silentLogger });
  const prisma = app.db.prisma;
  const { adminId } = await seedBenchBranch(app, {
    platform: "telegram",
    chatId: String(GROUP),
    members: PRESSES,
    accountOf: (n) => String(7000 + n),
  });
  const [meeting] = await app.services.transaction(async (s) => {
    const org = await s.orgs.findByCode("BENCH");
    if (!org) throw new Error("no branch");
    return s.meetings.scheduling.schedule(
      adminId,
      org,
      {
        type: "party_lesson",
        startsAt: new Date("2026-03-02T02:00:00Z"),
        place: "党员活动室",
        topic: "学习党章",
        online: false,
        occurrences: 1,
      },
      now,
    );
  });
  if (!meeting) throw new Error("no meeting");
  now = new Date("2026-03-02T01:50:00Z"); // check-in is open

  const fake = new FakeTelegram();
  fake.latencyMs = LATENCY_MS;
  await fake.start();
  const { bot } = createTelegramBot({
    token: fake.token,
    apiRoot: fake.apiRoot,
    botInfo: fake.botUser as never,
    secret: SECRET,
    handle: (incoming) => app.handle(incoming),
    t: app.i18n.translator("zh-CN"),
    logger: silentLogger,
  });
  const data = encodeCallback(SECRET, "checkin", [meeting.code]);
  const press = (i: number) =>
    fake.push({
      callback_query: {
        id: `press-${i}`,
        chat_instance: "group",
        data,
        from: { id: 7000 + i, is_bot: false, first_name: `党员${i}` },
        message: {
          message_id: 77,
          date: 0,
          chat: { id: GROUP, type: "supergroup", title: "压测党员群" },
          text: "【支部党课】学习党章",
        },
      },
    } as never);

  // The floor: one call to the API, as every answer needs.
  const floor: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await bot.api.getMe();
    floor.push(performance.now() - t0);
  }
  const start = performance.now();
  const answered = await Promise.all(
    Array.from({ length: PRESSES }, async (_, i) => {
      await bot.handleUpdate(press(i));
      return performance.now() - start;
    }),
  );
  const wall = performance.now() - start;
  const recorded = await prisma.checkIn.count({ where: { meetingId: meeting.id } });
  const toasts = fake.sent("answerCallbackQuery").length;
  await fake.stop();
  await app.close();

  const floorStats = summarize(
    floor,
    floor.reduce((a, b) => a + b, 0),
  );
  const presses = summarize(answered, wall);
  const last = Math.max(...answered);
  printTable(
    `Button presses · ${database.provider} · ${PRESSES} members press 签到 at once in one group, API ${LATENCY_MS} ms`,
    [
      { label: "platform floor: one API call", stats: floorStats },
      { label: "签到 pressed, time to its answer", stats: presses, ratio: last / floorStats.p50Ms },
    ],
  );
  console.log(
    `  last answer after ${last.toFixed(0)} ms (target ≤ 500 ms: ${last <= 500 ? "met" : "NOT met"})`,
  );
  console.log(`  check-ins recorded: ${recorded} of ${PRESSES}; presses answered: ${toasts}`);
}

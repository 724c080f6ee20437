// A fan-out of one notice to 1,000 chats, with the sending process dying halfway: the next
// process delivers the rest, and no chat gets the notice twice — except, by design, the one chat
// whose message was sent in the instant between the platform accepting it and the record.
import { describe, expect } from "vitest";
import { silentLogger } from "../../src/core/logger.js";
import { type Reply, textReply } from "../../src/core/reply.js";
import { DeliveryWorker } from "../../src/delivery/delivery-worker.js";
import type { Sender } from "../../src/delivery/sender.js";
import { test } from "../support/fixture.js";
import type { TestBot } from "../support/test-bot.js";

const CHATS = 1000;

/**
 * Delivers into a shared log; after `dieAfter` sends it hangs forever, like a killed process —
 * and, like a killed process, its worker claims nothing more (`onDeath` stops it).
 */
class MortalSender implements Sender {
  readonly platform = "console" as const;
  sent = 0;
  onDeath: () => void = () => undefined;
  constructor(
    private readonly log: string[],
    private readonly dieAfter: number,
    private readonly dieAfterSending: boolean,
  ) {}

  async send(chatId: string, _reply: Reply) {
    if (this.sent === this.dieAfter) {
      if (this.dieAfterSending) this.log.push(chatId);
      this.onDeath();
      await new Promise(() => undefined); // never returns: the process is gone
    }
    this.sent += 1;
    this.log.push(chatId);
    return { messageId: `${chatId}-1` };
  }
}

async function drainUntilIdle(worker: DeliveryWorker): Promise<void> {
  while ((await worker.drainOnce()) > 0) {}
}

describe("a fan-out interrupted by a crash", () => {
  let bot: TestBot;
  test.beforeEach(async ({ bot: started }) => {
    bot = started;
    await bot.app.services.transaction(async (s) => {
      for (let i = 0; i < CHATS; i++) {
        await s.outbox.toChat(
          { platform: "console", chatId: `branch-${i}` },
          textReply("【通知】本周五前交纳十一月党费"),
          {
            now: bot.clock.now(),
            dedupeKey: `dues-notice:2026-11:branch-${i}`,
          },
        );
      }
    });
  });

  for (const [when, dieAfterSending, duplicates] of [
    ["before handing a message to the platform", false, 0],
    ["after the platform took a message but before it was recorded", true, 1],
  ] as const) {
    test(`resumes after a crash ${when}: every chat gets it, duplicates: ${duplicates}`, async () => {
      const log: string[] = [];
      const mortal = new MortalSender(log, 400, dieAfterSending);
      const first = new DeliveryWorker(
        bot.app.services,
        new Map([["console", mortal]]),
        bot.app.outboxKinds,
        bot.clock,
        silentLogger,
        { workerId: "process-1" },
      );
      mortal.onDeath = () => void first.stop();
      void drainUntilIdle(first); // hangs at the 401st message, holding its claim
      await new Promise((resolve) => setTimeout(resolve, 50));
      // The dead process got exactly 400 messages out and recorded (and, in the second case,
      // handed the 401st to the platform without recording it).
      while (
        log.length < 400 + (dieAfterSending ? 1 : 0) ||
        (await bot.prisma.outboxMessage.count({ where: { sentAt: { not: null } } })) < 400
      ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }

      // The restarted process waits for the dead one's claim to expire, then finishes the job.
      bot.clock.advanceMinutes(2);
      const second = new DeliveryWorker(
        bot.app.services,
        new Map([["console", new MortalSender(log, -1, false)]]),
        bot.app.outboxKinds,
        bot.clock,
        silentLogger,
        { workerId: "process-2" },
      );
      await drainUntilIdle(second);

      const counts = new Map<string, number>();
      for (const chat of log) counts.set(chat, (counts.get(chat) ?? 0) + 1);
      expect(counts.size).toBe(CHATS);
      expect([...counts.values()].filter((n) => n > 1)).toHaveLength(duplicates);
      expect(await bot.prisma.outboxMessage.count({ where: { sentAt: null } })).toBe(0);
    });
  }
});

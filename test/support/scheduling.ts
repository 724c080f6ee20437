// Shared steps for tests of the scheduled side: a scheduler on the test bot's clock, and a
// meeting held and closed the way a secretary does it.
import { jobs } from "../../jobs/index.js";
import { silentLogger } from "../../src/core/logger.js";
import type { JobDefinition } from "../../src/scheduler/job.js";
import { Scheduler } from "../../src/scheduler/scheduler.js";
import { joined } from "./replies.js";
import type { TestBot, TestUser } from "./test-bot.js";

export function testScheduler(
  bot: TestBot,
  instanceId = "test",
  env: NodeJS.ProcessEnv = {},
  only: readonly JobDefinition[] = jobs,
): Scheduler {
  return new Scheduler(only, {
    scope: bot.app.services,
    clock: bot.clock,
    i18n: bot.app.i18n,
    logger: silentLogger,
    instanceId,
    timeZone: "Asia/Shanghai",
    env,
  });
}

/**
 * Schedules a meeting (`schedule` is the /schedule line without the slash) at `scheduledAt`,
 * checks in those who came at `checkInAt`, records minutes and closes it at `closeAt`.
 * Returns the meeting code.
 */
export async function holdClosedMeeting(
  bot: TestBot,
  secretary: TestUser,
  opts: {
    schedule: string;
    scheduledAt: string;
    checkInAt: string;
    closeAt: string;
    came: TestUser[];
    where?: Parameters<TestUser["in"]>[0];
  },
): Promise<string> {
  bot.clock.set(opts.scheduledAt);
  const code = joined(await secretary.schedules(`${opts.schedule}`)).match(/\b(H[0-9A-Z]{4})\b/)?.[1];
  if (!code) throw new Error(`not scheduled: ${opts.schedule}`);
  bot.clock.set(opts.checkInAt);
  for (const who of opts.came) await (opts.where ? who.in(opts.where) : who).says(`/checkin ${code}`);
  await secretary.says(`/minutes ${code} 内容 学习。`);
  bot.clock.set(opts.closeAt);
  const closed = joined(await secretary.says(`/close_meeting ${code}`));
  if (!closed.includes("台账已封存")) throw new Error(`not closed: ${closed}`);
  return code;
}

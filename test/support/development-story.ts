// The cast of the 发展党员 story: 幸福里 branch's secretary, four members who can be contacts and
// introducers (孙丽 is 预备, so she may not), the applicant, and the secretary's habits — the
// daily nudges run at 09:00 Shanghai and /develop typed in a private chat.
import { developmentNudges } from "../../jobs/development-nudges.js";
import { joined } from "./replies.js";
import { holdClosedMeeting, testScheduler } from "./scheduling.js";
import { startTestBot, type TestBot, type TestUser } from "./test-bot.js";
import { buildWorld, enrol, type World } from "./world.js";

export interface DevelopmentStory {
  bot: TestBot;
  world: World;
  secretary: TestUser;
  zhang: TestUser;
  liu: TestUser;
  zhao: TestUser;
  sun: TestUser;
  applicant: TestUser;
  /** Member codes of the cast; the files' codes (wang, chen) and the view code once opened. */
  codes: Record<"zhang" | "liu" | "zhao" | "sun" | "wang" | "chen" | "claim", string>;
  /** Sets the clock to a day, 09:00 in Shanghai (01:00 UTC) unless a UTC time is given. */
  at(day: string, time?: string): void;
  /** Runs the daily nudges job at 09:00 Shanghai on a day. */
  nudgesOn(day: string): Promise<void>;
  /** The nudges a person has received in the private chat so far. */
  nudgesTo(who: TestUser): Promise<string[]>;
  /** The secretary (or someone else) types /develop with a line. */
  develop(line: string, by?: TestUser): Promise<string>;
  /** How many steps a file holds: a refusal must leave it unchanged. */
  stepsOf(code: string): Promise<number>;
  /** A 党员大会 at 09:00 on a day, announced on another, attended by `came`, closed by 11:00. */
  generalMeeting(announced: string, on: string, topic: string, came: TestUser[]): Promise<string>;
}

const dm = (who: TestUser) => ({
  platform: "console" as const,
  id: `user:${who.id}`,
  kind: "private" as const,
});

/** Starts the bot on 2024-03-01 with the world and the story's cast enrolled in 幸福里. */
export async function startDevelopmentStory(): Promise<DevelopmentStory> {
  const bot = await startTestBot();
  const at = (day: string, time = "01:00") => bot.clock.set(`${day}T${time}:00Z`);
  at("2024-03-01");
  const world = await buildWorld(bot);
  const secretary = world.secretaryA;
  const cast = {
    zhang: bot.user("zhang-wei", "张伟"),
    liu: bot.user("liu-yang", "刘洋"),
    zhao: bot.user("zhao-min", "赵敏"),
    sun: bot.user("sun-li", "孙丽"),
  };
  const codes = {
    zhang: await enrol(secretary, cast.zhang),
    liu: await enrol(secretary, cast.liu),
    zhao: await enrol(secretary, cast.zhao),
    sun: await enrol(secretary, cast.sun, { status: "预备", joined: "2023-12-01" }),
    wang: "",
    chen: "",
    claim: "",
  };
  return {
    bot,
    world,
    secretary,
    ...cast,
    applicant: bot.user("wang-xiaoming", "王小明"),
    codes,
    at,
    async nudgesOn(day) {
      const scheduler = testScheduler(bot, "dev", {}, [developmentNudges]);
      at(day, "00:58");
      await scheduler.tick();
      at(day, "01:02");
      await scheduler.tick();
      await scheduler.stop();
    },
    async nudgesTo(who) {
      return (await bot.posts(dm(who))).map((r) => joined([r])).filter((t) => t.includes("发展党员提醒"));
    },
    async develop(line, by = secretary) {
      return joined(await by.says(`/develop ${line}`));
    },
    stepsOf: (code) => bot.prisma.developmentStep.count({ where: { record: { code } } }),
    generalMeeting(announced, on, topic, came) {
      const [, month, day] = on.split("-").map(Number);
      return holdClosedMeeting(bot, secretary, {
        schedule: `党员大会 ${month}月${day}日 09:00 党员活动室 ${topic}`,
        scheduledAt: `${announced}T01:00:00Z`,
        checkInAt: `${on}T00:55:00Z`,
        closeAt: `${on}T03:00:00Z`,
        came,
      });
    },
  };
}

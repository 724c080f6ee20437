// The cast and the secretary's routine of the quarter-reports story: 幸福里社区党支部 with two party
// groups, and helpers that hold a meeting end to end, run the 09:00 jobs and open what is posted.
import type ExcelJS from "exceljs";
import { expect } from "vitest";
import { codeAfter, codeIn, joined } from "./replies.js";
import { testScheduler } from "./scheduling.js";
import type { TestBot, TestUser } from "./test-bot.js";
import { workbookOf } from "./workbooks.js";
import { enrol, type World } from "./world.js";

export type Chat = Parameters<TestUser["in"]>[0];

export interface Held {
  /** The /schedule line without the slash. */
  schedule: string;
  /** The meeting's start as an instant (Asia/Shanghai is UTC+8). */
  startsAt: string;
  came: TestUser[];
  /** Leave asked for before the meeting, approved or rejected by the secretary. */
  leave?: { who: TestUser; reason: string; approved: boolean }[];
  by?: TestUser;
}

export interface QuarterCast {
  group1: string;
  group2: string;
  /** 王芳 (leads the first group), 陈静 (deputy secretary), 周敏; 张伟 (committee member, leads the
   * second group), 赵磊, 孙强. */
  members: [TestUser, TestUser, TestUser, TestUser, TestUser, TestUser];
}

/** Two party groups; six members, each joining through an invitation of their own group. */
export async function enrolQuarterCast(bot: TestBot, world: World): Promise<QuarterCast> {
  const secretary = world.secretaryA;
  const group1 = codeAfter(await secretary.says("/org_add 党小组 第一党小组"), "代码");
  const group2 = codeAfter(await secretary.says("/org_add 党小组 第二党小组"), "代码");
  const people: [string, string, string][] = [
    ["wang-fang", "王芳", group1],
    ["chen-jing", "陈静", group1],
    ["zhou-min", "周敏", group1],
    ["zhang-wei", "张伟", group2],
    ["zhao-lei", "赵磊", group2],
    ["sun-qiang", "孙强", group2],
  ];
  const users: TestUser[] = [];
  const codes: string[] = [];
  for (const [id, name, group] of people) {
    await secretary.says(`/use ${group}`);
    const user = bot.user(id, name);
    users.push(user);
    codes.push(await enrol(secretary, user, { joined: "2012-07-01" }));
  }
  await secretary.says(`/use ${world.branchA}`);
  await secretary.says(`/role grant ${codes[0]} 组长 ${group1}`);
  await secretary.says(`/role grant ${codes[3]} 组长 ${group2}`);
  await secretary.says(`/role grant ${codes[3]} 委员`);
  await world.admin.says(`/use ${world.branchA}`);
  await world.admin.says(`/role grant ${codes[1]} 副书记`);
  return { group1, group2, members: users as QuarterCast["members"] };
}

export const shift = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/** What the secretary of branch A does through the quarter, and how the test reads the results. */
export function secretaryRoutine(bot: TestBot, world: World) {
  const secretary = world.secretaryA;
  const at = (iso: string) => bot.clock.set(iso);
  return {
    /** Schedules, takes leave, checks in, minutes and closes one meeting the way a secretary does. */
    async hold(meeting: Held): Promise<string> {
      const by = meeting.by ?? secretary;
      at(shift(meeting.startsAt, -7 * 24 * 60));
      const code = codeIn(joined(await by.schedules(`${meeting.schedule}`)), "H");
      if (!code) throw new Error(`not scheduled: ${meeting.schedule}`);
      for (const leave of meeting.leave ?? []) {
        const asked = codeAfter(await leave.who.says(`/leave ${code} ${leave.reason}`), "申请（");
        const decided = leave.approved
          ? await secretary.says(`/approve_leave ${asked}`)
          : await secretary.says(`/reject_leave ${asked} 会议重要，请安排参加`);
        expect(joined(decided)).toContain(leave.approved ? "已批准" : "未批准");
      }
      at(shift(meeting.startsAt, -10));
      for (const who of meeting.came) await who.in(world.groupA).says(`/checkin ${code}`);
      await by.says(`/minutes ${code} 内容 学习贯彻党的二十届三中全会精神。`);
      at(shift(meeting.startsAt, 120));
      const closed = joined(await by.says(`/close_meeting ${code}`));
      if (!closed.includes("台账已封存")) throw new Error(`not closed: ${closed}`);
      return code;
    },

    /** The scheduled jobs' 09:00 run on the given day (the 1st: the summaries and the results). */
    async nineOClock(day: string) {
      const scheduler = testScheduler(bot, `q4-${day}`);
      at(`${day}T00:59:00Z`);
      await scheduler.tick();
      at(`${day}T01:01:00Z`);
      await scheduler.tick();
      await scheduler.stop();
    },

    /** The lines of the one post in a chat that starts with a title. */
    async post(chat: Chat, title: string): Promise<string[]> {
      const found = (await bot.posts(chat)).map((r) => joined([r])).filter((t) => t.startsWith(title));
      expect(found).toHaveLength(1);
      return (found[0] ?? "").split("\n");
    },

    /** Asks for last quarter's 台账 in a private chat and opens the workbook sent. */
    async workbook(who: TestUser, filename: string): Promise<ExcelJS.Workbook> {
      const [reply] = await who.says("/export 季 上期");
      expect(reply?.visibility).toBe("private");
      expect(reply?.attachment?.filename).toBe(filename);
      return workbookOf(reply);
    },
  };
}

import { describe, expect } from "vitest";
import { test } from "../support/fixture.js";
import { codeAfter, joined } from "../support/replies.js";
import { holdClosedMeeting } from "../support/scheduling.js";
import type { TestBot, TestUser } from "../support/test-bot.js";
import { enrol, expectOk, type World } from "../support/world.js";

// A street committee scores its five branches over two quarters. To keep the story short, the
// committee requires one general meeting and one theme day a quarter, and each branch has one
// member, its secretary.
describe("the committee's evaluation of its branches", () => {
  let bot: TestBot;
  let world: World;
  let admin: TestUser;
  const branches = new Map<string, { code: string; secretary: TestUser }>();

  test.override({ startAt: "2026-01-05T01:00:00Z" });
  test.beforeEach(async ({ bot: started, world: built }) => {
    bot = started;
    world = built;
    admin = world.admin.in({ platform: "console", id: "admin-dm", kind: "private" });
    branches.set("幸福里", { code: world.branchA, secretary: world.secretaryA });
    branches.set("和平里", { code: world.branchB, secretary: world.secretaryB });
    for (const [name, id, person] of [
      ["光明里", "guangming", "刘强"],
      ["朝阳里", "chaoyang", "孙丽"],
      ["建设里", "jianshe", "周涛"],
    ] as const) {
      const code = codeAfter(
        await admin.says(`/org_add 党支部 ${name}社区党支部 ${world.committee}`),
        "代码",
      );
      await admin.says(`/use ${code}`);
      const secretary = bot.user(id, person);
      const memberCode = await enrol(admin, secretary);
      await expectOk(admin.says(`/role grant ${memberCode} 书记`), "书记");
      branches.set(name, { code, secretary });
    }
    await admin.says(`/use ${world.committee}`);
    for (const setting of [
      "frequency.committee_meeting quarter:0",
      "frequency.party_lesson quarter:0",
      "frequency.theme_day quarter:1",
    ])
      await expectOk(admin.says(`/set ${setting}`), "");
    for (const { secretary } of branches.values())
      await expectOk(secretary.says("/dues_set 全体 10"), "每月 10 元");
  });

  async function quarter(q: 1 | 2, plan: Record<string, { general: boolean; duesMonths: string[] }>) {
    const [m1, m2] = q === 1 ? ["02", "03"] : ["05", "06"];
    for (const [name, { general, duesMonths }] of Object.entries(plan)) {
      const { secretary } = branches.get(name) ?? {};
      if (!secretary) throw new Error(name);
      const meetings = [`主题党日 ${Number(m1)}月15日 09:00 党员活动室 主题党日`];
      if (general) meetings.push(`党员大会 ${Number(m2)}月10日 15:00 党员活动室 民主评议`);
      for (const [i, schedule] of meetings.entries()) {
        const month = i === 0 ? m1 : m2;
        const day = i === 0 ? "15" : "10";
        const hour = i === 0 ? "00:55" : "06:55";
        await holdClosedMeeting(bot, secretary, {
          schedule,
          scheduledAt: `2026-${month}-01T01:00:00Z`,
          checkInAt: `2026-${month}-${day}T${hour}:00Z`,
          closeAt: `2026-${month}-${day}T09:00:00Z`,
          came: [secretary],
        });
      }
      if (duesMonths.length > 0) {
        bot.clock.set(`2026-${m2}-20T02:00:00Z`);
        const code = world.memberCodes.get(secretary.id) ?? (await memberCodeOf(secretary));
        await expectOk(secretary.says(`/dues_paid ${code} ${duesMonths.join(" ")}`), "党费");
      }
    }
  }

  async function memberCodeOf(who: TestUser): Promise<string> {
    const member = await bot.prisma.member.findFirstOrThrow({ where: { name: who.name } });
    return member.code;
  }

  test("scores, ranks and lists the branches from the records and the committee's hand scores, for the committee only", async () => {
    const all = ["2026-01", "2026-02", "2026-03"];
    await quarter(1, {
      幸福里: { general: true, duesMonths: all },
      和平里: { general: true, duesMonths: all },
      光明里: { general: true, duesMonths: [] },
      朝阳里: { general: false, duesMonths: all },
      建设里: { general: true, duesMonths: [] },
    });
    bot.clock.set("2026-03-25T02:00:00Z");
    for (const [name, score] of [
      ["幸福里", 90],
      ["和平里", 80],
      ["光明里", 70],
      ["朝阳里", 80],
      ["建设里", 60],
    ] as const)
      await expectOk(admin.says(`/hand_score ${branches.get(name)?.code} work ${score} 工作扎实`), "评");

    bot.clock.set("2026-04-10T02:00:00Z");
    const q1 = joined(await admin.says("/evaluation 季 上期"));
    expect(q1).toContain("【支部考评】「南湖街道党工委」2026年第1季度（仅党委可见）");
    // meetings 30 · attendance 20 · dues 15 · minutes 10 · volunteer 10 · committee's score 15
    expect(q1).toContain("1. 幸福里社区党支部 88.5 分");
    expect(q1).toContain("2. 和平里社区党支部 87 分");
    expect(q1).toContain("3. 朝阳里社区党支部 72 分"); // skipped its general meeting
    expect(q1).toContain("4. 光明里社区党支部 70.5 分"); // paid no dues
    expect(q1).toContain("5. 建设里社区党支部 69 分");
    expect(q1).toContain("示范点候选：幸福里社区党支部");
    expect(q1).toContain("后进整顿名单：建设里社区党支部");

    // A branch secretary sees their own marks, never the others'.
    const own = joined(await world.secretaryA.says("/evaluation 季 上期"));
    expect(own).toContain("「幸福里社区党支部」2026年第1季度考评得分：88.5 分");
    expect(own).toContain("党费按时交纳（权重 15）：100");
    expect(own).not.toContain("和平里");
    expect(joined(await world.secretaryA.says(`/use ${world.committee}`))).toContain("权限");

    const q2months = ["2026-04", "2026-05", "2026-06"];
    await quarter(2, {
      幸福里: { general: false, duesMonths: q2months },
      和平里: { general: true, duesMonths: q2months },
      光明里: { general: true, duesMonths: q2months },
      朝阳里: { general: true, duesMonths: q2months },
      建设里: { general: true, duesMonths: q2months },
    });
    bot.clock.set("2026-06-25T02:00:00Z");
    for (const [name, score] of [
      ["幸福里", 80],
      ["和平里", 85],
      ["光明里", 80],
      ["朝阳里", 75],
      ["建设里", 70],
    ] as const)
      await expectOk(admin.says(`/hand_score ${branches.get(name)?.code} work ${score}`), "评");
    bot.clock.set("2026-07-10T02:00:00Z");
    const q2 = joined(await admin.says("/evaluation 季 上期"));
    expect(q2.split("\n").slice(1, 6)).toEqual([
      "1. 和平里社区党支部 87.8 分（↑1）",
      "2. 光明里社区党支部 87 分（↑2）",
      "3. 朝阳里社区党支部 86.3 分（—）",
      "4. 建设里社区党支部 85.5 分（↑1）",
      "5. 幸福里社区党支部 72 分（↓4）",
    ]);
    expect(q2).toContain("示范点候选：和平里社区党支部");
    expect(q2).toContain("后进整顿名单：幸福里社区党支部");
    // The half-year averages the quarters' hand scores (幸福里: 90 and 80).
    const half = joined(await world.secretaryA.says("/evaluation 半年 上期"));
    expect(half).toContain("工作实绩（党委评分）（权重 15）：85");
  });

  test("lets a secretary write the half-year report from the records and submit it, and the committee see who has", async () => {
    await quarter(1, {
      幸福里: { general: true, duesMonths: ["2026-01", "2026-02", "2026-03"] },
    });
    bot.clock.set("2026-06-20T02:00:00Z");
    const report = await world.secretaryA.says("/review");
    const text = joined(report);
    expect(text).toContain("【幸福里社区党支部】2026-H1 述职报告（据台账生成）");
    expect(text).toContain("一、组织生活：召开 主题党日 1、支部党员大会 1");
    expect(text).toContain("三、党费按月交纳率：60%"); // Jan–May due, Jan–Mar paid
    expect(joined(await world.secretaryA.presses("提交党委", report))).toContain("述职报告已提交党委");
    const status = joined(await admin.says("/reviews"));
    expect(status).toContain("幸福里社区党支部：已提交（2026-06-20 10:00）");
    expect(status).toContain("和平里社区党支部：未提交");
  });
});

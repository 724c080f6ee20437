// The per-member yearly tallies behind the leaderboards are a cache of the closed record: kept at
// each close and each recorded service, equal to a rebuild from the record, filled on first read
// when missing, and never losing a count when two meetings of a branch close at once.
import { describe, expect } from "vitest";
import { test } from "../support/fixture.js";
import { codeIn, joined } from "../support/replies.js";
import type { TestBot, TestUser } from "../support/test-bot.js";
import { enrol, type World } from "../support/world.js";

describe("the yearly tallies behind the leaderboards", () => {
  let bot: TestBot;
  let world: World;
  let gu: TestUser;
  let shen: TestUser;

  const tallies = async () =>
    (
      await bot.app.db.prisma.memberYearTally.findMany({
        orderBy: [{ organizationId: "asc" }, { memberId: "asc" }],
      })
    ).map(({ organizationId, memberId, ...counts }) => ({ organizationId, memberId, ...counts }));

  /** Schedules a meeting on a March day, checks the given people in, writes the minutes. */
  async function held(type: string, day: number, came: TestUser[]): Promise<string> {
    bot.clock.set(`2026-03-${String(day - 1).padStart(2, "0")}T01:00:00Z`);
    const scheduled = joined(
      await world.secretaryA.schedules(`${type} 3月${day}日 15:00 党员活动室 学习${day}`),
    );
    const code = codeIn(scheduled, "H");
    bot.clock.set(`2026-03-${String(day).padStart(2, "0")}T06:55:00Z`);
    for (const who of came) await who.in(world.groupA).says(`/checkin ${code}`);
    await world.secretaryA.says(`/minutes ${code} 内容 学习讨论。`);
    bot.clock.set(`2026-03-${String(day).padStart(2, "0")}T09:00:00Z`);
    return code;
  }

  test.override({ startAt: "2026-03-01T01:00:00Z" });
  test.beforeEach(async ({ bot: started, world: built }) => {
    bot = started;
    world = built;
    gu = bot.user("gu-li", "顾丽");
    shen = bot.user("shen-tao", "沈涛");
    for (const who of [gu, shen]) await enrol(world.secretaryA, who);
  });

  test("counts each closed meeting at once, and equals a rebuild from the record", async () => {
    const lesson = await held("党课", 3, [world.secretaryA, gu, shen]);
    await world.secretaryA.says(`/close_meeting ${lesson}`);
    expect(joined(await gu.says("/rank"))).toContain("您今年的积分：5 分");

    const themeDay = await held("主题党日", 10, [gu]);
    await world.secretaryA.says(`/close_meeting ${themeDay}`);
    expect(joined(await gu.says("/rank"))).toContain("您今年的积分：10 分");
    expect(joined(await shen.says("/rank"))).toContain("您今年的积分：5 分");

    const kept = await tallies();
    const guRow = kept.find((r) => r.partyLesson === 1 && r.themeDay === 1);
    expect(guRow).toMatchObject({ expected: 2, attended: 2, generalMeeting: 0 });
    expect(kept.filter((r) => r.expected > 0)).toHaveLength(3);

    // A database from before the tallies (or a year not computed yet): the first board fills them.
    await bot.app.db.prisma.memberYearTally.deleteMany({});
    await bot.app.db.prisma.tallyYear.deleteMany({});
    expect(joined(await gu.says("/rank"))).toContain("您今年的积分：10 分");
    expect(await tallies()).toEqual(kept);
  });

  test("loses no count when two meetings of a branch are closed at the same moment", async () => {
    const lesson = await held("党课", 3, [gu, shen]);
    const themeDay = await held("主题党日", 4, [gu]);
    const closed = await Promise.all([
      world.secretaryA.says(`/close_meeting ${lesson}`),
      world.secretaryA.in(world.groupA).says(`/close_meeting ${themeDay}`),
    ]);
    for (const replies of closed) expect(joined(replies)).toContain("已结束");
    const kept = await tallies();
    expect(kept.find((r) => r.partyLesson === 1 && r.themeDay === 1)).toMatchObject({ attended: 2 });
    await bot.app.db.prisma.memberYearTally.deleteMany({});
    await bot.app.db.prisma.tallyYear.deleteMany({});
    expect(joined(await shen.says("/rank"))).toContain("您今年的积分：5 分");
    expect(await tallies()).toEqual(kept);
  });

  test("moves a member's volunteer hours with them to their new branch", async () => {
    const posted = joined(
      await world.secretaryA.in(world.groupA).says("/activity 3月8日 09:00 3小时 社区广场 5 清扫楼道"),
    );
    const activity = codeIn(posted, "V");
    await gu.says(`/signup ${activity}`);
    bot.clock.set("2026-03-08T00:55:00Z");
    await gu.says(`/serve_in ${activity}`);
    bot.clock.set("2026-03-08T03:55:00Z");
    expect(joined(await gu.says(`/serve_out ${activity}`))).toContain("本次服务 3 小时");
    expect(joined(await gu.says("/rank"))).toContain("您今年的积分：3 分，在「幸福里社区党支部」");

    const guCode = (await bot.app.db.prisma.member.findFirst({ where: { name: "顾丽" } }))?.code;
    expect(joined(await world.admin.says(`/use ${world.branchA}`))).toBeTruthy();
    expect(joined(await world.admin.says(`/transfer ${guCode} ${world.branchB}`))).toContain("和平里");
    expect(joined(await gu.says("/rank"))).toContain("您今年的积分：3 分，在「和平里社区党支部」");
    const rows = await tallies();
    const branchB = await bot.app.db.prisma.organization.findFirst({ where: { code: world.branchB } });
    expect(rows.find((r) => r.serviceMinutes > 0)).toMatchObject({
      organizationId: branchB?.id,
      serviceMinutes: 180,
    });
  });
});

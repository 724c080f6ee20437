// Recurring meetings as a secretary keeps them: one sentence makes a monthly rule, shown back and
// confirmed; each meeting it makes has its own attendance; one is moved and one cancelled alone;
// the daily job makes the months ahead and never remakes what was moved or cancelled; the series
// is changed and ended as a whole. And the county's theme day, set once at the committee, reaches
// every branch that has none of its own.
import { describe, expect } from "vitest";
import { meetingSeries } from "../../jobs/meeting-series.js";
import { test } from "../support/fixture.js";
import { codeAfter, codeIn, joined } from "../support/replies.js";
import { testScheduler } from "../support/scheduling.js";
import type { TestBot } from "../support/test-bot.js";
import { enrol } from "../support/world.js";

describe("recurring meetings", () => {
  test.override({ startAt: "2026-12-02T02:00:00Z" }); // Wednesday 10:00 in Shanghai

  const ofSeries = async (bot: TestBot, seriesCode: string) => {
    const series = await bot.prisma.meetingSeries.findUniqueOrThrow({ where: { code: seriesCode } });
    return bot.prisma.meeting.findMany({
      where: { seriesId: series.id },
      select: { code: true, startsAt: true, status: true, place: true, occurrenceAt: true },
      orderBy: { occurrenceAt: "asc" },
    });
  };
  /** The daily job at 02:30 Shanghai on the given UTC day (18:30 the evening before). */
  const runJobOn = async (bot: TestBot, utcDay: string) => {
    bot.clock.set(`${utcDay}T18:29:00Z`);
    const scheduler = testScheduler(bot, "series", {}, [meetingSeries]);
    await scheduler.tick();
    bot.clock.set(`${utcDay}T18:31:00Z`);
    await scheduler.tick();
    await scheduler.stop();
  };

  test("keeps a monthly rule whose meetings each have their own attendance, moved, cancelled and ended", async ({
    bot,
    world,
  }) => {
    const secretary = world.secretaryA.in(world.groupA);
    const member = bot.user("wang-fang", "王芳");
    await enrol(world.secretaryA, member);

    const card = joined(
      await secretary.says("/schedule 每月15日上午9点 主题党日 党员活动室 学习党的二十届三中全会精神"),
    );
    expect(card).toContain("时间：2026-12-15 09:00（周二）");
    expect(card).toContain(
      "重复：每月15日 09:00，每次单独签到；先排出 2026-12-15（周二）、2027-01-15（周五）、2027-02-15（周一）",
    );
    expect(await bot.prisma.meeting.count()).toBe(0);
    const done = joined(await secretary.presses("确认"));
    expect(done).toContain("已安排【主题党日】学习党的二十届三中全会精神，共 3 次");
    const [dec = "", jan = "", feb = ""] = [...done.matchAll(/\b(H[0-9A-Z]{4})\b/g)].map((m) => m[1]);

    const listed = joined(await world.secretaryA.says("/series"));
    expect(listed).toContain("【主题党日】学习党的二十届三中全会精神：每月15日 09:00，党员活动室");
    expect(listed).toContain(`下一次：2026-12-15 09:00（周二） ${dec}`);
    const series = codeIn(listed, "S");
    expect(joined(await member.says(`/series ${series}`))).toContain(`2027-02-15 09:00（周一） ${feb}`);

    // December's meeting is held: 王芳 checks in to it, and only to it.
    bot.clock.set("2026-12-15T00:50:00Z");
    await member.says(`/checkin ${dec}`);
    await world.secretaryA.says(`/checkin ${dec}`);
    await world.secretaryA.says(`/minutes ${dec} 内容 学习全会精神。`);
    bot.clock.set("2026-12-15T03:00:00Z");
    expect(joined(await world.secretaryA.says(`/close_meeting ${dec}`))).toContain("台账已封存");
    const attendance = await bot.prisma.meetingAttendee.findMany({
      where: { meeting: { code: { in: [dec, jan] } } },
      select: { name: true, outcome: true, meeting: { select: { code: true } } },
    });
    expect(attendance.filter((a) => a.meeting.code === dec).map((a) => [a.name, a.outcome])).toContainEqual([
      "王芳",
      "present",
    ]);
    expect(attendance.filter((a) => a.meeting.code === jan)).toEqual([]);
    expect(await bot.prisma.checkIn.count({ where: { meeting: { code: jan } } })).toBe(0);

    // January's moves to the 16th, February's is cancelled: each alone.
    expect(joined(await world.secretaryA.says(`/edit_meeting ${jan} 时间 1月16日上午9点`))).toContain(
      "已修改会议",
    );
    expect(joined(await world.secretaryA.says(`/cancel_meeting ${feb} 春节假期`))).toContain("已取消");

    // The daily job makes March and April, and never makes January or February again.
    await runJobOn(bot, "2027-01-20");
    await runJobOn(bot, "2027-01-21");
    let meetings = await ofSeries(bot, series);
    expect(meetings.map((m) => [m.startsAt.toISOString(), m.status])).toEqual([
      ["2026-12-15T01:00:00.000Z", "closed"],
      ["2027-01-16T01:00:00.000Z", "scheduled"],
      ["2027-02-15T01:00:00.000Z", "cancelled"],
      ["2027-03-15T01:00:00.000Z", "scheduled"],
      ["2027-04-15T01:00:00.000Z", "scheduled"],
    ]);
    // The moved one keeps its place in the series.
    expect(meetings[1]?.occurrenceAt?.toISOString()).toBe("2027-01-15T01:00:00.000Z");

    // The series changed as a whole: the meetings still to come.
    expect(joined(await world.secretaryA.says(`/edit_series ${series} 地点 社区礼堂`))).toContain(
      `已修改定期会议 ${series}，今后 2 次会议已同步修改`,
    );
    meetings = await ofSeries(bot, series);
    expect(meetings.map((m) => m.place)).toEqual([
      "党员活动室",
      "党员活动室",
      "党员活动室",
      "社区礼堂",
      "社区礼堂",
    ]);

    // Ended: what is still to come is cancelled, and the job makes nothing more.
    expect(joined(await world.secretaryA.says(`/end_series ${series} 支部换届`))).toContain(
      `已停止定期会议 ${series}，取消了今后 2 次会议`,
    );
    await runJobOn(bot, "2027-04-20");
    meetings = await ofSeries(bot, series);
    expect(meetings).toHaveLength(5);
    expect(meetings.slice(3).map((m) => m.status)).toEqual(["cancelled", "cancelled"]);
    expect(joined(await bot.posts(world.groupA))).toContain("取消原因：支部换届");
  });

  test("reads 每月第一个周五 with the time in a piece of its own, and asks about an unclear hour", async ({
    world,
  }) => {
    const secretary = world.secretaryA;
    const asked = joined(await secretary.says("/schedule 党课 每月第一个周五 3点 党员活动室 学习党章"));
    expect(asked).toContain("「每月第一个周五 3点」是指 2026-12-04 15:00（周五） 吗？");
    const card = joined(await secretary.says("晚上7点半"));
    expect(card).toContain("时间：2026-12-04 19:30（周五）");
    expect(card).toContain("重复：每月第一个周五 19:30");
    expect(card).toContain("2026-12-04（周五）、2027-01-01（周五）、2027-02-05（周五）");
  });

  test("sets the county's theme day once at the committee for every branch without one of its own", async ({
    bot,
    world,
  }) => {
    // 和平里 keeps its own theme day on the 20th.
    await world.secretaryB.schedules("每月20日下午3点 主题党日 和平里会议室 主题党日活动");
    await world.admin.says(`/use ${world.committee}`);
    const set = joined(await world.admin.says("/theme_days"));
    expect(set).toContain("已按设定的主题党日时间安排 3 次主题党日");
    expect(set).toContain("以后按「每月15日 09:00」每月自动安排");
    const inBranch = async (code: string) =>
      bot.prisma.meeting.findMany({
        where: {
          type: "theme_day",
          organizationId: (await bot.prisma.organization.findUniqueOrThrow({ where: { code } })).id,
        },
        select: { startsAt: true },
        orderBy: { startsAt: "asc" },
      });
    expect((await inBranch(world.branchA)).map((m) => m.startsAt.toISOString())).toEqual([
      "2026-12-15T01:00:00.000Z",
      "2027-01-15T01:00:00.000Z",
      "2027-02-15T01:00:00.000Z",
    ]);
    expect((await inBranch(world.branchB)).map((m) => m.startsAt.toISOString())).toEqual([
      "2026-12-20T07:00:00.000Z",
      "2027-01-20T07:00:00.000Z",
      "2027-02-20T07:00:00.000Z",
    ]);
    expect(joined(await world.secretaryA.says("/series"))).toContain("（上级统一安排）");
    expect(joined(await world.admin.says("/theme_days"))).toContain("已经有定期的主题党日");
  });

  test("places an inherited theme day on the wall clock of a branch in a zone of its own", async ({
    bot,
    world,
  }) => {
    // 幸福里 keeps Xinjiang time; the committee stays on Beijing time.
    await bot.prisma.organization.update({
      where: { code: world.branchA },
      data: { timeZone: "Asia/Urumqi" },
    });
    await world.admin.says(`/use ${world.committee}`);
    await world.admin.says("/theme_days");
    const branchA = await bot.prisma.organization.findUniqueOrThrow({ where: { code: world.branchA } });
    const made = await bot.prisma.meeting.findMany({
      where: { type: "theme_day", organizationId: branchA.id },
      select: { startsAt: true },
      orderBy: { startsAt: "asc" },
    });
    expect(made.map((m) => m.startsAt.toISOString())).toEqual([
      "2026-12-15T03:00:00.000Z",
      "2027-01-15T03:00:00.000Z",
      "2027-02-15T03:00:00.000Z",
    ]);
    // A second run of the daily job finds every branch's meetings and makes none again.
    const before = await bot.prisma.meeting.count();
    await runJobOn(bot, "2026-12-03");
    expect(await bot.prisma.meeting.count()).toBe(before);
  });

  test("lets a group leader keep their party group's monthly meeting, and only theirs", async ({
    bot,
    world,
  }) => {
    const group1 = codeAfter(await world.secretaryA.says("/org_add 党小组 第一党小组"), "代码");
    const group2 = codeAfter(await world.secretaryA.says("/org_add 党小组 第二党小组"), "代码");
    const leader = bot.user("wang-fang", "王芳");
    const code = await enrol(world.secretaryA, leader);
    const groupId = (await bot.prisma.organization.findUniqueOrThrow({ where: { code: group1 } })).id;
    await bot.prisma.member.update({ where: { code }, data: { groupId } });
    await world.secretaryA.says(`/role grant ${code} 组长 ${group1}`);

    expect(
      joined(await leader.schedules(`每月第一个周五晚上7点 党小组会 王芳家 学习党章 小组=${group2}`)),
    ).toContain("没有权限");
    const made = joined(
      await leader.schedules(`每月第一个周五晚上7点 党小组会 王芳家 学习党章 小组=${group1}`),
    );
    expect(made).toContain("已安排【党小组会】学习党章，共 3 次");
    const meetings = await bot.prisma.meeting.findMany({
      where: { type: "group_meeting" },
      select: { groupId: true, startsAt: true },
      orderBy: { startsAt: "asc" },
    });
    expect(meetings.map((m) => [m.groupId, m.startsAt.toISOString()])).toEqual([
      [groupId, "2026-12-04T11:00:00.000Z"],
      [groupId, "2027-01-01T11:00:00.000Z"],
      [groupId, "2027-02-05T11:00:00.000Z"],
    ]);
    const series = codeIn(joined(await leader.says("/series")), "S");
    expect(joined(await leader.says(`/edit_series ${series} 地点 社区活动室`))).toContain("今后 3 次会议");
    // A member of the branch who leads no group cannot change it.
    const member = bot.user("zhao-lei", "赵磊");
    await enrol(world.secretaryA, member);
    expect(joined(await member.says(`/end_series ${series}`))).toMatch(/权限/);
  });
});

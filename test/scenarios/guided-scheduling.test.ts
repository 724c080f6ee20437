import { describe, expect } from "vitest";
import { test } from "../support/fixture.js";
import { joined } from "../support/replies.js";
import { enrol } from "../support/world.js";

describe("scheduling for people who do not like long commands", () => {
  test.override({ startAt: "2026-03-02T01:00:00Z" });

  test("asks for each piece in turn, re-asks a wrong one, and schedules the meeting", async ({
    bot,
    world,
  }) => {
    const secretary = world.secretaryA.in(world.groupA);
    const first = await secretary.says("/安排会议");
    expect(joined(first)).toContain("请选择会议类型");
    expect(joined(await secretary.presses("党课", first))).toContain("请输入日期");
    expect(joined(await secretary.says("3月32日"))).toContain(
      "「3月32日」不是有效的日期或时间。\n请输入日期",
    );
    expect(joined(await secretary.says("3月12日"))).toContain("请输入开始时间");
    expect(joined(await secretary.says("下午3点"))).toContain("请输入地点");
    expect(joined(await secretary.says("社区 三楼 会议室"))).toContain("请输入会议主题");
    const card = joined(await secretary.says("学习新修订的纪律处分条例"));
    expect(card).toContain("请确认会议安排");
    expect(card).toContain("时间：2026-03-12 15:00（周四）");
    expect(await bot.prisma.meeting.count()).toBe(0);
    const done = joined(await secretary.presses("确认"));
    expect(done).toContain("已安排【党课】学习新修订的纪律处分条例");
    expect(done).toContain("2026-03-12 15:00（周四）");
    const meeting = await bot.prisma.meeting.findFirstOrThrow();
    expect(meeting).toMatchObject({
      type: "party_lesson",
      place: "社区 三楼 会议室",
      topic: "学习新修订的纪律处分条例",
    });
    // Other people's messages in the group are not taken as answers.
    expect(await bot.prisma.pendingPrompt.count()).toBe(0);
  });

  test("lets the person cancel the conversation, and ignores other members' chatter", async ({
    bot,
    world,
  }) => {
    const secretary = world.secretaryA.in(world.groupA);
    await secretary.says("/schedule 党课");
    const member = bot.user("ma-li", "马丽");
    await enrol(world.secretaryA, member);
    expect(await member.in(world.groupA).says("明天吗？")).toEqual([]);
    expect(joined(await secretary.says("取消"))).toContain("已取消");
    expect(await secretary.says("明天")).toEqual([]);
    expect(await bot.prisma.meeting.count()).toBe(0);
  });

  test("tells the chat when a meeting moves or is cancelled", async ({ bot, world }) => {
    const secretary = world.secretaryA;
    const scheduled = joined(await secretary.schedules("支委会 3月9日 19:30 党员活动室 研究三月工作"));
    const code = scheduled.match(/\b(H[0-9A-Z]{4})\b/)?.[1] ?? "";
    expect(joined(await secretary.says(`/edit_meeting ${code} 时间 3月10日 20:00`))).toContain("已修改会议");
    let posts = joined(await bot.posts(world.groupA));
    expect(posts).toContain("时间：2026-03-10 20:00（周二）");
    expect(posts).toContain(`会议变更：${code}【研究三月工作】的时间改为：3月10日 20:00`);
    await secretary.says(`/cancel_meeting ${code} 书记外出学习`);
    posts = joined(await bot.posts(world.groupA));
    expect(posts).toContain("【已取消】【支部委员会】研究三月工作");
    expect(posts).toContain("取消原因：书记外出学习");
  });
});

describe("scheduling in one sentence, as secretaries write it", () => {
  test.override({ startAt: "2026-03-02T01:00:00Z" }); // Monday 09:00 in Shanghai

  test("understands the pieces in any order, shows them back, and creates the meeting only on 确认", async ({
    bot,
    world,
  }) => {
    const secretary = world.secretaryA.in(world.groupA);
    const card = await secretary.says("/schedule 下周三晚上7点半 支委会 党员活动室 学习二十届三中全会精神");
    expect(joined(card)).toBe(
      [
        "请确认会议安排：",
        "类型：支部委员会",
        "时间：2026-03-11 19:30（周三）",
        "地点：党员活动室",
        "主题：学习二十届三中全会精神",
        "参加：幸福里社区党支部支部委员会 1 人",
        "按“确认”后才创建会议并通知群里；按“修改”改其中一项。",
      ].join("\n"),
    );
    expect(card[0]?.buttons?.flat().map((b) => b.label)).toEqual(["确认", "修改", "放弃"]);
    expect(await bot.prisma.meeting.count()).toBe(0);
    expect(joined(await bot.posts(world.groupA))).not.toContain("学习二十届三中全会精神");

    // Nobody else can confirm it, not even another secretary of the branch; each is told privately.
    const member = bot.user("ma-li", "马丽");
    await enrol(world.secretaryA, member);
    const byMember = await member.in(world.groupA).presses("确认", card);
    expect(byMember.every((r) => r.visibility === "private")).toBe(true);
    const deputy = bot.user("zhao-lei", "赵磊");
    const deputyCode = await enrol(world.secretaryA, deputy);
    await world.secretaryA.says(`/role grant ${deputyCode} 副书记`);
    const byDeputy = await deputy.in(world.groupA).presses("确认", card);
    expect(byDeputy.every((r) => r.visibility === "private")).toBe(true);
    expect(joined(byDeputy)).toContain("只有写下这份会议安排的人可以确认或修改它");
    expect(await bot.prisma.meeting.count()).toBe(0);

    const done = joined(await secretary.presses("确认", card));
    expect(done).toContain("已安排【支部委员会】学习二十届三中全会精神");
    expect(done).toContain("2026-03-11 19:30（周三）");
    expect(joined(await bot.posts(world.groupA))).toContain("学习二十届三中全会精神");
    // A second press (a double tap, a redelivery) creates nothing more.
    expect(joined(await secretary.presses("确认", card))).toContain("没有再创建会议");
    expect(await bot.prisma.meeting.count()).toBe(1);
    const second = joined(await world.secretaryA.schedules("党课 三楼会议室 周五 14:30 学习党章"));
    expect(second).toContain("2026-03-06 14:30（周五）");
    expect(
      await bot.prisma.meeting.findMany({ select: { place: true }, orderBy: { startsAt: "asc" } }),
    ).toEqual([{ place: "三楼会议室" }, { place: "党员活动室" }]);
  });

  test("asks again for a wrong day alone and keeps the time, the place and the topic", async ({
    bot,
    world,
  }) => {
    const secretary = world.secretaryA;
    const asked = joined(await secretary.says("/schedule 支委会 3月32日 19:30 党员活动室 研究三月工作"));
    expect(asked).toContain("「3月32日 19:30」不是有效的日期或时间。");
    expect(asked).toContain("请输入日期和时间");
    const card = joined(await secretary.says("3月12日"));
    expect(card).toContain("时间：2026-03-12 19:30（周四）");
    expect(card).toContain("主题：研究三月工作");
    const done = joined(await secretary.presses("确认"));
    expect(done).toContain("已安排【支部委员会】研究三月工作");
    expect(done).toContain("2026-03-12 19:30（周四）");
    expect(await bot.prisma.meeting.findFirstOrThrow()).toMatchObject({ place: "党员活动室" });
  });

  test("asks whether 3点 means the afternoon, and what a past day was meant to be, never guessing", async ({
    bot,
    world,
  }) => {
    const secretary = world.secretaryA;
    const ambiguous = joined(await secretary.says("/schedule 党课 明天 3点 党员活动室 学习党章"));
    expect(ambiguous).toContain("「明天 3点」是指 2026-03-03 15:00（周二） 吗？");
    expect(ambiguous).toContain("请输入开始时间");
    expect(await bot.prisma.meeting.count()).toBe(0);
    expect(joined(await secretary.says("下午3点"))).toContain("时间：2026-03-03 15:00（周二）");
    await secretary.presses("确认");

    const past = joined(await secretary.says("/schedule 党课 3月1日下午3点 党员活动室 学习党章"));
    expect(past).toContain("「3月1日下午3点」是 2026-03-01 15:00（周日），已经过去了。");
    expect(joined(await secretary.says("下周一下午3点"))).toContain("时间：2026-03-09 15:00（周一）");
    await secretary.presses("确认");
    expect(await bot.prisma.meeting.count()).toBe(2);
  });

  test("takes a sentence without a place as its topic, with the place 待定 or the branch's usual one", async ({
    bot,
    world,
  }) => {
    const secretary = world.secretaryA;
    const open = joined(await secretary.says("/schedule 下周三晚上7点半 支部党员大会 学习二十大精神"));
    expect(open).toContain("地点：待定");
    expect(open).toContain("主题：学习二十大精神");
    expect(open).toContain("没有写地点，先记为「待定」；定了请点「修改」补上。");
    await secretary.presses("确认");
    // Two meetings in the same room make it the branch's usual place.
    await secretary.schedules("支委会 3月12日 19:30 党员活动室 研究三月工作");
    await secretary.schedules("党课 3月13日 15:00 党员活动室 学习党章");
    const usual = joined(await secretary.says("/schedule 3月20日 15:00 党课 学习新修订的纪律处分条例"));
    expect(usual).toContain("地点：党员活动室");
    expect(usual).toContain("没有写地点，先按本支部常用的「党员活动室」；不对请点「修改」。");
    // Asked for in the guided flow, the place can be left open with a button, or given in any words.
    const where = await secretary.says("/schedule 党课 3月27日 15:00");
    expect(joined(where)).toContain("请输入地点");
    expect(where[0]?.buttons?.flat().map((b) => b.label)).toEqual(["党员活动室", "待定"]);
    expect(joined(await secretary.says("幸福里"))).toContain("请输入会议主题");
    const card = joined(await secretary.says("学习党章"));
    expect(card).toContain("地点：幸福里");
    expect(card).toContain("主题：学习党章");
    expect(card).not.toContain("没有写地点");
    await secretary.presses("确认");
    expect(
      await bot.prisma.meeting.findMany({
        select: { place: true, topic: true },
        orderBy: { startsAt: "asc" },
      }),
    ).toEqual([
      { place: "待定", topic: "学习二十大精神" },
      { place: "党员活动室", topic: "研究三月工作" },
      { place: "党员活动室", topic: "学习党章" },
      { place: "幸福里", topic: "学习党章" },
    ]);
  });

  test("answers a past relative day as past and keeps it out of the topic", async ({ bot, world }) => {
    const secretary = world.secretaryA;
    const past = joined(await secretary.says("/schedule 昨天晚上8点 支部党员大会 党员活动室 学习二十大精神"));
    expect(past).toContain("「昨天晚上8点」是 2026-03-01 20:00（周日），已经过去了。");
    expect(past).toContain("请输入日期和时间");
    const card = joined(await secretary.says("明天晚上8点"));
    expect(card).toContain("时间：2026-03-03 20:00（周二）");
    expect(card).toContain("主题：学习二十大精神");
    expect(card).not.toContain("昨天");
    await secretary.presses("确认");
    expect(await bot.prisma.meeting.findFirstOrThrow()).toMatchObject({ topic: "学习二十大精神" });
  });

  test("changes one piece of the card with 修改 and keeps the rest", async ({ bot, world }) => {
    const secretary = world.secretaryA;
    await secretary.says("/schedule 党课 周五 下午3点到5点 党员活动室 学习党章");
    expect(joined(await secretary.presses("修改"))).toContain("要修改哪一项？");
    expect(joined(await secretary.presses("时间"))).toContain("请输入日期和时间");
    // A wrong answer is asked again; the draft keeps the rest.
    expect(joined(await secretary.says("3月1日下午3点"))).toContain("已经过去了");
    const moved = joined(await secretary.says("下周二晚上7点到9点"));
    expect(moved).toContain("时间：2026-03-10 19:00（周二）–21:00");
    expect(moved).toContain("地点：党员活动室");
    expect(moved).toContain("主题：学习党章");
    await secretary.presses("修改");
    await secretary.presses("类型");
    const retyped = joined(await secretary.presses("支部党员大会"));
    expect(retyped).toContain("类型：支部党员大会");
    expect(retyped).toContain("参加：幸福里社区党支部全体党员");
    await secretary.presses("修改");
    await secretary.presses("地点");
    expect(joined(await secretary.says("社区礼堂"))).toContain("地点：社区礼堂");
    expect(await bot.prisma.meeting.count()).toBe(0);
    await secretary.presses("确认");
    const meeting = await bot.prisma.meeting.findFirstOrThrow();
    expect(meeting).toMatchObject({
      type: "general_meeting",
      place: "社区礼堂",
      topic: "学习党章",
      startsAt: new Date("2026-03-10T11:00:00Z"),
      endsAt: new Date("2026-03-10T13:00:00Z"),
    });
    expect(await bot.prisma.meetingDraft.count()).toBe(0);
  });

  test("drops a draft with 放弃, creating nothing", async ({ bot, world }) => {
    const secretary = world.secretaryA;
    const card = await secretary.says("/schedule 党课 周五 15:00 党员活动室 学习党章");
    expect(joined(await secretary.presses("放弃", card))).toContain("已放弃这次会议安排");
    expect(joined(await secretary.presses("确认", card))).toContain("没有再创建会议");
    expect(await bot.prisma.meeting.count()).toBe(0);
  });
});

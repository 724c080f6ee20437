import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { joined } from "../support/replies.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";
import { buildWorld, enrol, type World } from "../support/world.js";

describe("scheduling for people who do not like long commands", () => {
  let bot: TestBot;
  let world: World;
  beforeEach(async () => {
    bot = await startTestBot();
    bot.clock.set("2026-03-02T01:00:00Z");
    world = await buildWorld(bot);
  });
  afterEach(async () => {
    await bot.close();
  });

  it("asks for each piece in turn, re-asks a wrong one, and schedules the meeting", async () => {
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
    const done = joined(await secretary.says("学习新修订的纪律处分条例"));
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

  it("lets the person cancel the conversation, and ignores other members' chatter", async () => {
    const secretary = world.secretaryA.in(world.groupA);
    await secretary.says("/schedule 党课");
    const member = bot.user("ma-li", "马丽");
    await enrol(world.secretaryA, member);
    expect(await member.in(world.groupA).says("明天吗？")).toEqual([]);
    expect(joined(await secretary.says("取消"))).toContain("已取消");
    expect(await secretary.says("明天")).toEqual([]);
    expect(await bot.prisma.meeting.count()).toBe(0);
  });

  it("tells the chat when a meeting moves or is cancelled", async () => {
    const secretary = world.secretaryA;
    const scheduled = joined(await secretary.says("/schedule 支委会 3月9日 19:30 党员活动室 研究三月工作"));
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
  let bot: TestBot;
  let world: World;
  beforeEach(async () => {
    bot = await startTestBot();
    bot.clock.set("2026-03-02T01:00:00Z"); // Monday 09:00 in Shanghai
    world = await buildWorld(bot);
  });
  afterEach(async () => {
    await bot.close();
  });

  it("understands the pieces in any order, with the time in words", async () => {
    const done = joined(
      await world.secretaryA.says("/schedule 下周三晚上7点半 支委会 党员活动室 学习二十届三中全会精神"),
    );
    expect(done).toContain("已安排【支部委员会】学习二十届三中全会精神");
    expect(done).toContain("2026-03-11 19:30（周三）");
    const second = joined(await world.secretaryA.says("/schedule 党课 三楼会议室 周五 14:30 学习党章"));
    expect(second).toContain("2026-03-06 14:30（周五）");
    expect(
      await bot.prisma.meeting.findMany({ select: { place: true }, orderBy: { startsAt: "asc" } }),
    ).toEqual([{ place: "三楼会议室" }, { place: "党员活动室" }]);
  });

  it("asks again for a wrong day alone and keeps the time, the place and the topic", async () => {
    const secretary = world.secretaryA;
    const asked = joined(await secretary.says("/schedule 支委会 3月32日 19:30 党员活动室 研究三月工作"));
    expect(asked).toContain("「3月32日 19:30」不是有效的日期或时间。");
    expect(asked).toContain("请输入日期和时间");
    const done = joined(await secretary.says("3月12日"));
    expect(done).toContain("已安排【支部委员会】研究三月工作");
    expect(done).toContain("2026-03-12 19:30（周四）");
    expect(await bot.prisma.meeting.findFirstOrThrow()).toMatchObject({ place: "党员活动室" });
  });

  it("asks whether 3点 means the afternoon, and what a past day was meant to be, never guessing", async () => {
    const secretary = world.secretaryA;
    const ambiguous = joined(await secretary.says("/schedule 党课 明天 3点 党员活动室 学习党章"));
    expect(ambiguous).toContain("「明天 3点」是指 2026-03-03 15:00（周二） 吗？");
    expect(ambiguous).toContain("请输入开始时间");
    expect(await bot.prisma.meeting.count()).toBe(0);
    expect(joined(await secretary.says("下午3点"))).toContain("2026-03-03 15:00（周二）");

    const past = joined(await secretary.says("/schedule 党课 3月1日下午3点 党员活动室 学习党章"));
    expect(past).toContain("「3月1日下午3点」是 2026-03-01 15:00（周日），已经过去了。");
    expect(joined(await secretary.says("下周一下午3点"))).toContain("2026-03-09 15:00（周一）");
    expect(await bot.prisma.meeting.count()).toBe(2);
  });
});

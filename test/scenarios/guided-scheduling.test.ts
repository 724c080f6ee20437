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
    expect(joined(await secretary.says("3月32日"))).toContain("日期不对。\n请输入日期");
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

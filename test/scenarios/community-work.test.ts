import { describe, expect } from "vitest";
import { test } from "../support/fixture.js";
import { codeAfter, codeIn, joined, notJoinNotice } from "../support/replies.js";
import { testScheduler } from "../support/scheduling.js";
import type { TestBot, TestUser } from "../support/test-bot.js";
import { enrol, type World } from "../support/world.js";

const dm = (who: TestUser) => ({
  platform: "console" as const,
  id: `user:${who.id}`,
  kind: "private" as const,
});

describe("community work", () => {
  let bot: TestBot;
  let world: World;
  let wang: TestUser;
  let gu: TestUser;
  let zhao: TestUser;

  test.override({ startAt: "2026-03-02T01:00:00Z" }); // Monday 09:00 in Shanghai
  test.beforeEach(async ({ bot: started, world: built }) => {
    bot = started;
    world = built;
    wang = bot.user("wang-fang", "王芳");
    gu = bot.user("gu-li", "顾丽");
    zhao = bot.user("zhao-lei", "赵磊");
    await enrol(world.secretaryA, wang);
    await enrol(world.secretaryA, gu);
    // 赵磊 belongs to 和平里 and, working near 幸福里, registered there as an in-service member.
    await enrol(world.secretaryB, zhao);
    const asked = joined(await zhao.says(`/register ${world.branchA}`));
    expect(asked).toContain("请等待社区党组织书记确认");
    expect(joined(await world.secretaryA.says(`/approve_register ${codeIn(asked, "R")}`))).toContain(
      "已同意 赵磊 到「幸福里社区党支部」报到",
    );
  });

  test("runs a volunteer activity from posting to hours served, for the branch and an in-service member", async () => {
    const posted = joined(
      await world.secretaryA.in(world.groupA).says("/activity 3月8日 09:00 2小时 社区广场 2 清扫楼道"),
    );
    expect(posted).toContain("2026-03-08 09:00 清扫楼道 · 社区广场 · 剩余名额 2");
    const code = codeIn(posted, "V");

    expect(joined(await wang.in(world.groupA).says(`/signup ${code}`))).toContain("剩余名额 1");
    expect(joined(await wang.in(world.groupA).says(`/signup ${code}`))).toContain("无需重复报名");
    expect(joined(await zhao.says(`/signup ${code}`))).toContain("剩余名额 0");
    expect(joined(await gu.says(`/signup ${code}`))).toContain("名额已满");
    expect(joined(await wang.says(`/signup_cancel ${code}`))).toContain("名额已释放");
    expect(joined(await gu.says(`/signup ${code}`))).toContain("剩余名额 0");
    // Somebody of another branch, not registered here, may not take part.
    const outsider = bot.user("sun-qiang", "孙强");
    await enrol(world.secretaryB, outsider);
    expect(joined(await outsider.says(`/signup ${code}`))).toContain("不属于您的支部");

    // The day before, the two signed up hear about it privately, once.
    const scheduler = testScheduler(bot, "t");
    bot.clock.set("2026-03-07T02:00:00Z");
    await scheduler.tick();
    bot.clock.set("2026-03-07T02:16:00Z");
    await scheduler.tick();
    for (const who of [zhao, gu])
      expect(
        (await bot.posts(dm(who))).map((r) => joined([r])).filter((t) => t.includes("清扫楼道")),
      ).toEqual([
        `提醒：明天 09:00 有志愿服务活动「清扫楼道」，地点：社区广场。到场后发送 /serve_in ${code} 签到。`,
      ]);
    expect((await bot.posts(dm(wang))).map((r) => joined([r])).filter(notJoinNotice)).toHaveLength(0);
    await scheduler.stop();

    expect(joined(await zhao.says(`/serve_in ${code}`))).toContain("现在不能签到");
    bot.clock.set("2026-03-08T00:50:00Z"); // 08:50
    expect(joined(await zhao.says(`/serve_in ${code}`))).toContain("签到成功（08:50）");
    expect(joined(await wang.says(`/serve_in ${code}`))).toContain("还没有报名");
    bot.clock.set("2026-03-08T02:50:00Z"); // 10:50
    expect(joined(await zhao.says(`/serve_out ${code}`))).toContain("本次服务 2 小时");
    expect(joined(await zhao.says("/my_service"))).toContain("本月 2 小时，本季度 2 小时，本年 2 小时");

    // Both organisations see it: the community lists him as an in-service member, his branch as its own.
    const community = joined(await world.secretaryA.says("/service_report"));
    expect(community).toContain("在职党员（报到）参与：\n赵磊（和平里社区党支部）：2 小时");
    const own = joined(await world.secretaryB.says("/service_report"));
    expect(own).toContain("赵磊：2 小时");
    expect(joined(await wang.says("/service_report"))).toContain("权限");
    // Service counts in points (1 a whole hour by default), in his own branch's ranking.
    expect(joined(await zhao.says("/rank"))).toContain("您今年的积分：2 分，在「和平里社区党支部」");
    // Monday's board of his branch carries its service hours.
    const weekly = testScheduler(bot, "w");
    bot.clock.set("2026-03-09T00:58:00Z");
    await weekly.tick();
    bot.clock.set("2026-03-09T01:02:00Z");
    await weekly.tick();
    await weekly.stop();
    const board = (await bot.posts(world.groupB)).map((r) => joined([r])).find((t) => t.includes("每周榜单"));
    expect(board).toContain("本年志愿服务：2 小时");
    expect(board).toContain("1. 赵磊 2 分");
  });

  test("takes a micro-wish through claim, lapse and release, re-claim, fulfilment and confirmation, privately", async () => {
    const posted = joined(
      await world.secretaryA
        .in(world.groupA)
        .says("/wish 一台电饭煲 | 幸福里3号楼201 张桂兰奶奶 13903150011"),
    );
    expect(posted).toContain("一台电饭煲");
    expect(posted).not.toContain("张桂兰");
    const code = codeIn(posted, "W");
    expect(joined(await wang.in(world.groupA).says("/wishes"))).toContain(`一台电饭煲 · 待认领 · ${code}`);

    const claimed = await wang.in(world.groupA).says(`/claim ${code}`);
    const [publicly, privately] = claimed;
    expect(publicly?.visibility ?? "chat").toBe("chat");
    expect(joined(publicly ? [publicly] : [])).toBe("微心愿「一台电饭煲」已由 王芳 认领。");
    expect(privately?.visibility).toBe("private");
    expect(joined(privately ? [privately] : [])).toContain("张桂兰奶奶 13903150011");
    expect(joined(privately ? [privately] : [])).toContain("请在 2026-03-09 09:00 前完成");
    // Nobody else sees who the resident is: not the board, not the details, not another claim.
    const board = joined(await gu.in(world.groupA).says("/wishes"));
    expect(board).toContain(`一台电饭煲 · 已认领 · ${code}`);
    expect(board).not.toContain("张桂兰");
    const info = joined(await gu.says(`/wish_info ${code}`));
    expect(info).toContain("受助人信息仅认领人和书记可见");
    expect(info).not.toContain("张桂兰");
    expect(joined(await gu.says(`/claim ${code}`))).toContain("已被认领");
    expect(joined(await world.secretaryA.says(`/wish_info ${code}`))).toContain("张桂兰奶奶");

    // A day before it lapses, 王芳 is reminded; when it lapses, it is open again.
    const scheduler = testScheduler(bot, "t");
    bot.clock.set("2026-03-08T01:16:00Z");
    await scheduler.tick();
    bot.clock.set("2026-03-08T01:31:00Z");
    await scheduler.tick();
    const reminders = (await bot.posts(dm(wang))).map((r) => joined([r])).filter(notJoinNotice);
    expect(reminders).toEqual([
      `提醒：您认领的微心愿「一台电饭煲」（${code}）将于 2026-03-09 09:00 到期，请尽快完成并发送 /fulfil ${code}。`,
    ]);
    bot.clock.set("2026-03-09T01:01:00Z");
    await scheduler.tick();
    bot.clock.set("2026-03-09T01:16:00Z");
    await scheduler.tick();
    await scheduler.stop();
    expect((await bot.posts(dm(wang))).map((r) => joined([r]))).toContain(
      `您认领的微心愿「一台电饭煲」（${code}）已到期未完成，已重新开放认领。`,
    );
    const reopened = (await bot.posts(world.groupA))
      .map((r) => joined([r]))
      .filter((t) => t.includes("重新开放"));
    expect(reopened).toEqual([`微心愿「一台电饭煲」重新开放认领（${code}）。`]);
    expect(joined(await wang.says(`/fulfil ${code} 已送到`))).toContain("不是由您认领的");

    expect(joined(await gu.says(`/claim ${code}`))).toContain("您认领了微心愿「一台电饭煲」");
    expect(joined(await gu.says(`/fulfil ${code} 已送到张奶奶家并教会使用`))).toContain("待书记确认");
    expect(joined(await gu.says(`/confirm_wish ${code}`))).toContain("权限");
    expect(joined(await world.secretaryA.says(`/confirm_wish ${code}`))).toBe(
      "微心愿「一台电饭煲」已确认完成，感谢 顾丽！",
    );
    expect(joined(await gu.says("/my_service"))).toContain("本年完成微心愿 1 个");
    expect(joined(await gu.says("/rank"))).toContain("您今年的积分：5 分"); // 5 a confirmed wish
    const wish = await bot.prisma.microWish.findUniqueOrThrow({ where: { code } });
    expect(wish).toMatchObject({
      status: "confirmed",
      releases: 1,
      fulfilmentNote: "已送到张奶奶家并教会使用",
    });
    // The committee counts its branches' wishes, without any detail.
    const admin = world.admin.in({ platform: "console", id: "admin-dm", kind: "private" });
    await admin.says(`/use ${world.committee}`);
    const committee = joined(await admin.says("/wishes"));
    expect(committee).toContain("「南湖街道党工委」及下级微心愿：待认领 0 个，认领中 0 个，已圆梦 1 个。");
    expect(committee).not.toContain("张桂兰");
  });

  test("lets exactly one of two members who press 认领 at the same moment have the wish", async () => {
    const code = codeIn(
      joined(await world.secretaryA.says("/wish 陪同就医一次 | 5号楼 刘大爷 13803150066")),
      "W",
    );
    const [a, b] = await Promise.all([
      wang.in(world.groupA).says(`/claim ${code}`),
      gu.in(world.groupA).says(`/claim ${code}`),
    ]);
    const outcomes = [joined(a), joined(b)];
    expect(outcomes.filter((t) => t.includes("您认领了微心愿"))).toHaveLength(1);
    expect(outcomes.filter((t) => t.includes("已被认领"))).toHaveLength(1);
    const wish = await bot.prisma.microWish.findUniqueOrThrow({ where: { code } });
    expect(wish.status).toBe("claimed");
  });

  test("keeps 1+10 household links and shows the secretary who has not visited this month", async () => {
    const first = codeAfter(await wang.says("/household 3号楼2单元301"), "编号");
    codeAfter(await wang.says("/household 5号楼101"), "编号");
    expect(joined(await wang.says(`/visit ${first} 送去春联，了解老人身体情况`))).toContain("已记录走访");
    expect(joined(await gu.says(`/visit ${first} 冒充`))).toContain("不是您登记的");
    const mine = joined(await wang.says("/households"));
    expect(mine).toContain("3号楼2单元301");
    expect(mine).toContain("最近走访：2026-03-02");
    expect(mine).toContain("5号楼101");
    expect(joined(await world.secretaryA.says("/unvisited"))).toBe("本月还有联系户未走访：\n王芳：5号楼101");
    expect(joined(await wang.says("/unvisited"))).toContain("权限");
  });
});

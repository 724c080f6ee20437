// People are told what happened without having to ask: a join request reaches the secretary with
// the buttons to decide it, the applicant hears the decision, a leave request reaches those who
// approve leave and the member hears the answer, and a closed meeting's announcement says so and
// loses its buttons. All privately, through the outbox.
import { describe, expect } from "vitest";
import type { ChatRef } from "../../src/core/incoming.js";
import { type Reply, replyText } from "../../src/core/reply.js";
import { test } from "../support/fixture.js";
import { codeAfter, codeIn, joined } from "../support/replies.js";
import type { TestBot, TestUser } from "../support/test-bot.js";
import { enrol, type World } from "../support/world.js";

describe("notices", () => {
  let bot: TestBot;
  let world: World;
  const dm = (who: TestUser): ChatRef => ({ platform: "console", id: `user:${who.id}`, kind: "private" });
  const inbox = async (who: TestUser): Promise<Reply[]> => bot.posts(dm(who));

  test.override({ startAt: "2026-03-02T01:00:00Z" });
  test.beforeEach(async ({ bot: started, world: built }) => {
    bot = started;
    world = built;
  });

  test("brings a join request to the secretary with its buttons, and the decision to the applicant", async () => {
    const invite = codeAfter(await world.secretaryA.says("/invite 5 7"), "邀请码：");
    const sun = bot.user("sun-li", "孙丽");
    const request = codeAfter(await sun.says(`/join ${invite} 孙丽`), "编号");
    const [notice] = (await inbox(world.secretaryA)).filter((r) => replyText(r).includes("申请加入"));
    expect(replyText(notice as Reply)).toContain(`孙丽 申请加入「幸福里社区党支部」（申请编号 ${request}）`);
    // The secretary decides from the notice itself.
    expect(joined(await world.secretaryA.presses("批准（预备党员）", [notice as Reply]))).toContain("孙丽");
    const told = (await inbox(sun)).map(replyText);
    expect(told.join("\n")).toContain("你加入「幸福里社区党支部」的申请已通过");
    expect(told.join("\n")).toContain("预备党员");
    // The secretary is not told of their own decision: no notice of 孙丽's approval for them.
    expect(
      (await inbox(world.secretaryA))
        .map(replyText)
        .filter((t) => t.includes("申请已通过") && t.includes("预备党员")),
    ).toHaveLength(0);

    const zhou = bot.user("zhou-gang", "周刚");
    const second = codeAfter(await zhou.says(`/join ${invite} 周刚`), "编号");
    await world.secretaryA.says(`/reject ${second} 不是本社区居民`);
    expect((await inbox(zhou)).map(replyText).join("\n")).toContain(
      "你加入「幸福里社区党支部」的申请未通过（不是本社区居民）",
    );
  });

  test("brings a leave request to the secretary and the answer to the member", async () => {
    const wang = bot.user("wang-fang", "王芳");
    await enrol(world.secretaryA, wang);
    const meeting = codeIn(
      joined(await world.secretaryA.schedules("党课 3月5日 15:00 党员活动室 学习党章")),
      "H",
    );
    const asked = joined(await wang.says(`/leave ${meeting} 出差在外`));
    const leaveCode = asked.match(/\b(L[0-9A-Z]{5})\b/)?.[1] ?? "";
    const [notice] = (await inbox(world.secretaryA)).filter((r) => replyText(r).includes("请假"));
    expect(replyText(notice as Reply)).toContain("王芳 为「学习党章」（2026-03-05 15:00");
    expect(replyText(notice as Reply)).toContain("出差在外");
    await world.secretaryA.presses("批准", [notice as Reply]);
    expect((await inbox(wang)).map(replyText).join("\n")).toContain("你为「学习党章」（2026-03-05 15:00");
    expect((await inbox(wang)).map(replyText).join("\n")).toContain("已批准");
    expect(leaveCode).not.toBe("");

    const second = codeIn(
      joined(await world.secretaryA.schedules("党员大会 3月9日 19:30 党员活动室 讨论三月工作")),
      "H",
    );
    const again = joined(await wang.says(`/leave ${second} 家里有事`));
    const secondLeave = again.match(/\b(L[0-9A-Z]{5})\b/)?.[1] ?? "";
    await world.secretaryA.says(`/reject_leave ${secondLeave} 这次会议很重要`);
    expect((await inbox(wang)).map(replyText).join("\n")).toContain("未获批准（这次会议很重要），请按时参加");
  });

  test("does not let a secretary approve their own leave: the committee above decides it", async () => {
    const meeting = codeIn(
      joined(await world.secretaryA.schedules("党课 3月10日 15:00 党员活动室 学习党章")),
      "H",
    );
    const leave = codeAfter(await world.secretaryA.says(`/leave ${meeting} 去区里参加培训`), "申请（");
    const before = await bot.snapshot();
    const refused = await world.secretaryA.says(`/approve_leave ${leave}`);
    expect(joined(refused)).toContain("不能审批自己的请假：请由上级党组织或本支部另一位书记审批。");
    expect(refused.every((r) => r.visibility === "private")).toBe(true);
    expect(await bot.snapshot()).toEqual(before);
    // The street committee's administrator decides it, and the secretary hears the answer.
    await world.admin.says(`/use ${world.branchA}`);
    expect(joined(await world.admin.says(`/approve_leave ${leave}`))).toContain("已批准 李建国 的请假");
    expect((await inbox(world.secretaryA)).map(replyText).join("\n")).toContain("已批准");
  });

  test("marks a closed meeting's announcement 已结束 and takes its buttons away", async () => {
    const meeting = codeIn(
      joined(await world.secretaryA.schedules("党课 3月5日 15:00 党员活动室 学习党章")),
      "H",
    );
    // The announcement, then the meeting's .ics file for one-tap "add to calendar".
    const posted = await bot.posts(world.groupA);
    expect(posted.at(-1)?.attachment?.filename).toBe(`${meeting}.ics`);
    expect(posted.at(-2)?.buttons?.length).toBeGreaterThan(0);
    bot.clock.set("2026-03-05T06:55:00Z");
    await world.secretaryA.says(`/checkin ${meeting}`);
    await world.secretaryA.says(`/minutes ${meeting} 内容 学习党章总纲。`);
    bot.clock.set("2026-03-05T08:00:00Z");
    await world.secretaryA.says(`/close_meeting ${meeting}`);
    const [announcement] = (await bot.posts(world.groupA)).filter((r) => !r.attachment).slice(-1);
    expect(replyText(announcement as Reply)).toContain("【已结束】");
    expect(replyText(announcement as Reply)).toContain("已签到 1");
    expect(announcement?.buttons).toBeUndefined();
    // A 请假 pressed on an older copy of the card says so at once, as 签到 and 参加 do: no question.
    const pressed = await world.secretaryA.in(world.groupA).says(`/leave ${meeting}`);
    expect(joined(pressed)).toContain(`会议 ${meeting} 已结束。`);
    expect(await bot.prisma.pendingPrompt.count()).toBe(0);
  });
});

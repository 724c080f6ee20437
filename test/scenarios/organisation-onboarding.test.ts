import { describe, expect } from "vitest";
import { test } from "../support/fixture.js";
import { codeAfter, joined } from "../support/replies.js";
import type { TestBot } from "../support/test-bot.js";
import { enrol } from "../support/world.js";

describe("from the first administrator to a member's own profile", () => {
  test("builds the tree, binds the chats and seats the secretaries", async ({ bot, world }) => {
    await world.admin.says(`/org_add 党小组 第一党小组 ${world.branchA}`);
    const tree = joined(await world.admin.says("/orgs"));
    expect(tree).toContain("南湖街道党工委（党委");
    // Each party group right under its own branch, not after every branch.
    expect(tree).toMatch(/· 幸福里社区党支部（党支部[^\n]*\n {4}· 第一党小组（党小组/);
    expect(tree).toMatch(/\n {2}· 幸福里社区党支部（党支部/);
    expect(tree).toMatch(/\n {2}· 和平里社区党支部（党支部/);
    const chat = await bot.prisma.chat.findFirstOrThrow({
      where: { externalId: "xingfuli-group" },
      include: { organization: true },
    });
    expect(chat.organization?.name).toBe("幸福里社区党支部");
    expect(joined(await world.secretaryA.says("/profile"))).toContain("支部书记（幸福里社区党支部）");
  });

  test("shows a new administrator how to choose the organisation before /invite, not how to join one", async ({
    bot,
  }) => {
    const admin = bot.user("zhou-ming", "周明");
    await admin.says(`/bootstrap ${bot.app.bootstrapCode}`);
    const before = joined(await admin.says("/invite 5"));
    expect(before).toContain("请先选择要操作的组织：发送 /orgs 查看组织及其代码，再发送 /use 代码");
    // In the committee it has just made, the administrator is shown how to pick a branch.
    await admin.says("/org_add 党委 南湖街道党工委");
    expect(joined(await admin.says("/invite 5"))).toContain("先发送 /use 支部代码 选择要邀请进的支部");
  });

  test("sends a join request for a branch without a secretary to the administrators, and tells the new 书记 what waits", async ({
    bot,
    world,
  }) => {
    const dm = (who: { id: string }) => ({
      platform: "console" as const,
      id: `user:${who.id}`,
      kind: "private" as const,
    });
    const branch = codeAfter(
      await world.admin.says(`/org_add 党支部 光明里社区党支部 ${world.committee}`),
      "代码",
    );
    await world.admin.says(`/use ${branch}`);
    const invite = codeAfter(await world.admin.says("/invite 5"), "邀请码：");
    const qian = bot.user("qian-jun", "钱军");
    await qian.says(`/join ${invite} 钱军`);
    const inbox = await bot.posts(dm(world.admin));
    expect(joined(inbox)).toContain("钱军 申请加入「光明里社区党支部」");
    // An applicant becomes the branch's secretary; the next request waits for them.
    const memberCode = codeAfter(
      await world.admin.says(
        `/approve ${codeAfter(
          inbox.filter((r) => joined([r]).includes("钱军")),
          "编号",
        )} 正式`,
      ),
      "党员编号",
    );
    const zheng = bot.user("zheng-hua", "郑华");
    await zheng.says(`/join ${invite} 郑华`);
    await world.admin.says(`/role grant ${memberCode} 书记`);
    const told = joined(await bot.posts(dm(qian)));
    expect(told).toContain("您已被任命为「光明里社区党支部」的支部书记。");
    expect(told).toContain("待您处理：入党申请 1 件（发送 /requests 查看），请假 0 件");
  });

  test("takes a new member from invitation to approval to a group leader who sees their own record", async ({
    bot,
    world,
  }) => {
    const { secretaryA, groupA } = world;
    const invite = codeAfter(await secretaryA.in(groupA).says("/invite 10 7"), "邀请码：");
    const wang = bot.user("wang-fang", "王芳");
    const request = codeAfter(await wang.says(`/join ${invite} 王芳`), "编号");

    const pending = await secretaryA.says("/requests");
    expect(joined(pending)).toContain(`${request} · 王芳 · 申请加入「幸福里社区党支部」`);
    const approved = await secretaryA.presses("批准（预备党员）");
    expect(joined(approved)).toContain("已批准：王芳（预备党员）");
    const wangCode = codeAfter(approved, "党员编号");

    const group = codeAfter(await secretaryA.says("/org_add 党小组 第一党小组"), "代码");
    expect(joined(await secretaryA.says(`/role grant ${wangCode} 组长 ${group}`))).toContain(
      "已任命 王芳 为「第一党小组」的党小组组长",
    );

    const profile = await wang.says("/profile");
    expect(profile[0]?.visibility).toBe("private");
    expect(joined(profile)).toContain("姓名：王芳");
    expect(joined(profile)).toContain("身份：预备党员");
    expect(joined(profile)).toContain("支部：幸福里社区党支部");
    expect(joined(profile)).toContain("党小组组长（第一党小组）");

    const roster = joined(await wang.in(groupA).says("/members"));
    expect(roster).toContain("共 2 人：正式党员 1 人，预备党员 1 人");
    expect(roster).toContain("王芳（预备党员）");
  });

  test("links an imported roster entry instead of creating a second member", async ({ bot, world }) => {
    const { secretaryA } = world;
    await bot.prisma.member.create({
      data: {
        code: "MZZZZ9",
        name: "赵磊",
        status: "full",
        organizationId: await branchId(bot, "幸福里社区党支部"),
        phone: "13800138000",
      },
    });
    const zhao = bot.user("zhao-lei", "赵磊");
    const invite = codeAfter(await secretaryA.says("/invite"), "邀请码：");
    const request = codeAfter(await zhao.says(`/join ${invite} 赵磊`), "编号");
    expect(joined(await secretaryA.says(`/approve ${request}`))).toContain("党员编号 MZZZZ9");
    expect(await bot.prisma.member.count({ where: { name: "赵磊" } })).toBe(1);
  });
});

async function branchId(bot: TestBot, name: string): Promise<string> {
  return (await bot.prisma.organization.findFirstOrThrow({ where: { name } })).id;
}

describe("refusals", () => {
  test("refuses a member a secretary's command, politely and privately", async ({ bot, world }) => {
    const member = bot.user("sun-li", "孙丽");
    await enrol(world.secretaryA, member);
    const before = await bot.snapshot();
    const [refusal] = await member.in(world.groupA).says("/invite");
    expect(refusal?.visibility).toBe("private");
    expect(joined(refusal ? [refusal] : [])).toContain("需要「支部书记」权限");
    expect(await bot.snapshot()).toEqual(before);
  });

  test("never lets a member of one branch read or change another branch, whatever codes they type", async ({
    bot,
    world,
  }) => {
    const { secretaryA, secretaryB, branchB, groupB } = world;
    const memberB = bot.user("liu-yang", "刘洋");
    const memberBCode = await enrol(secretaryB, memberB);
    const outsiderRequest = codeAfter(
      await bot
        .user("he-ping", "何平")
        .says(`/join ${codeAfter(await secretaryB.says("/invite"), "邀请码：")} 何平`),
      "编号",
    );
    const memberA = bot.user("ma-hong", "马红");
    await enrol(secretaryA, memberA);
    const before = await bot.snapshot();

    // Guessing B's codes from A, as a member and even as A's secretary.
    for (const [who, text] of [
      [memberA, `/use ${branchB}`],
      [secretaryA, `/use ${branchB}`],
      [secretaryA, `/transfer ${memberBCode} out`],
      [secretaryA, `/role grant ${memberBCode} 委员`],
      [secretaryA, `/approve ${outsiderRequest}`],
      [secretaryA, `/reject ${outsiderRequest}`],
      [secretaryA, `/bind_code ${branchB}`],
      [secretaryA, `/org_add 党小组 渗透小组 ${branchB}`],
    ] as const) {
      const answer = joined(await who.says(text));
      expect(answer, text).toMatch(/没有权限|无权查看|需要「/);
    }
    // Reading B's roster from B's group chat when not a member there.
    expect(joined(await memberA.in(groupB).says("/members"))).toContain("需要「党员」权限");
    expect(joined(await memberA.says("/members"))).not.toContain("刘洋");
    expect(await bot.snapshot()).toEqual(before);
  });

  test("refuses an expired invitation code", async ({ bot, world }) => {
    const invite = codeAfter(await world.secretaryA.says("/invite 5 3"), "邀请码：");
    bot.clock.advanceDays(3);
    expect(joined(await bot.user("wu-jun", "吴军").says(`/join ${invite} 吴军`))).toContain("邀请码已过期");
    expect(await bot.prisma.joinRequest.count({ where: { name: "吴军" } })).toBe(0);
  });

  test("refuses a used-up invitation code", async ({ bot, world }) => {
    const invite = codeAfter(await world.secretaryA.says("/invite 1"), "邀请码：");
    expect(joined(await bot.user("xu-ming", "徐明").says(`/join ${invite} 徐明`))).toContain(
      "已向「幸福里社区党支部」提交",
    );
    expect(joined(await bot.user("gao-feng", "高峰").says(`/join ${invite} 高峰`))).toContain("使用次数已满");
  });

  test("lets only one of two people take the last use of a code at the same moment", async ({
    bot,
    world,
  }) => {
    const invite = codeAfter(await world.secretaryA.says("/invite 1"), "邀请码：");
    const answers = await Promise.all([
      bot.user("lin-jing", "林静").says(`/join ${invite} 林静`),
      bot.user("zheng-hua", "郑华").says(`/join ${invite} 郑华`),
    ]);
    expect(answers.map(joined).filter((a) => a.includes("提交入支部申请"))).toHaveLength(1);
    expect(await bot.prisma.joinRequest.count({ where: { inviteCode: invite } })).toBe(1);
  });

  test("refuses a duplicate join, before and after approval", async ({ bot, world }) => {
    const { secretaryA } = world;
    const invite = codeAfter(await secretaryA.says("/invite 10"), "邀请码：");
    const tang = bot.user("tang-wei", "唐伟");
    const request = codeAfter(await tang.says(`/join ${invite} 唐伟`), "编号");
    expect(joined(await tang.says(`/join ${invite} 唐伟`))).toContain("已提交过申请");
    // Not on the roster: the secretary is asked for the status rather than one being assumed.
    expect(joined(await secretaryA.says(`/approve ${request}`))).toContain("请注明是正式党员还是预备党员");
    await secretaryA.says(`/approve ${request} 正式`);
    expect(joined(await tang.says(`/join ${invite} 唐伟`))).toContain("已经是这个支部的党员");
    expect(joined(await secretaryA.says(`/approve ${request} 正式`))).toContain("已经处理过了");
  });

  test("refuses a bind code used twice or by someone who is not the secretary", async ({ bot, world }) => {
    const { secretaryA } = world;
    const code = codeAfter(await secretaryA.says("/bind_code"), "绑定码：");
    const member = bot.user("qian-yu", "钱宇");
    await enrol(secretaryA, member);
    expect(joined(await member.in(bot.group("other-group")).says(`/bind ${code}`))).toContain("没有权限");
    expect(joined(await secretaryA.in(bot.group("second-group")).says(`/bind ${code}`))).toContain("已绑定");
    expect(joined(await secretaryA.in(bot.group("third-group")).says(`/bind ${code}`))).toContain("已经用过");
  });
});

// 组织关系转接 and 在职党员报到 as the rules have them: each is a request the other side decides.
// A transferred member stays in the old branch until the receiving branch accepts; a registered
// member takes no part in a community, and sees none of its residents, until it approves.
import { describe, expect } from "vitest";
import type { Reply } from "../../src/core/reply.js";
import { test } from "../support/fixture.js";
import { codeIn, joined, notJoinNotice } from "../support/replies.js";
import type { TestBot, TestUser } from "../support/test-bot.js";
import { buildQuietWorld, enrol, type World } from "../support/world.js";

describe("transfers and community registration", () => {
  let bot: TestBot;
  let world: World;
  const dm = (who: TestUser) => ({
    platform: "console" as const,
    id: `user:${who.id}`,
    kind: "private" as const,
  });
  /** What the person was told privately, joins and approvals left out. */
  const told = async (who: TestUser): Promise<string[]> =>
    (await bot.posts(dm(who))).map((r) => joined([r])).filter(notJoinNotice);
  const lastNotice = async (who: TestUser): Promise<Reply[]> => (await bot.posts(dm(who))).slice(-1);

  test.beforeEach(async ({ bot: started }) => {
    bot = started;
    world = await buildQuietWorld(bot);
  });

  test("keeps a transferred member in their branch until the receiving branch accepts them", async () => {
    const member = bot.user("feng-tao", "冯涛");
    const code = await enrol(world.secretaryA, member);
    const sent = joined(await world.secretaryA.says(`/transfer ${code} ${world.branchB}`));
    expect(sent).toContain("已向「和平里社区党支部」发出 冯涛 的组织关系转接");
    expect(sent).toContain("接收前 冯涛 仍在本支部");
    const transfer = codeIn(sent, "T");
    // Nothing moved yet: the old branch still counts them, the new one does not list them.
    expect(joined(await member.says("/profile"))).toContain("支部：幸福里社区党支部");
    expect(joined(await world.secretaryA.says("/members"))).toContain("冯涛");
    expect(joined(await world.secretaryB.says("/members"))).not.toContain("冯涛");
    expect(await told(member)).toContain(
      "您的组织关系正从「幸福里社区党支部」转往「和平里社区党支部」，对方支部接收后生效。",
    );
    // A second transfer while one waits is refused; the sender cannot accept on the other's behalf.
    expect(joined(await world.secretaryA.says(`/transfer ${code} ${world.branchB}`))).toContain(
      `已有一条待「和平里社区党支部」接收的转接（编号 ${transfer}）`,
    );
    expect(joined(await world.secretaryA.says(`/accept_transfer ${transfer}`))).toContain("找不到编号为");
    expect(joined(await member.says(`/accept_transfer ${transfer}`))).toMatch(/权限/);

    // The receiving secretary was told, with the buttons, and finds it in /requests too.
    const notice = await lastNotice(world.secretaryB);
    expect(joined(notice)).toBe(
      `「幸福里社区党支部」将 冯涛 的组织关系转入「和平里社区党支部」（转接编号 ${transfer}），请接收或退回。`,
    );
    expect(joined(await world.secretaryB.says("/requests"))).toContain(
      `${transfer} · 冯涛 · 从「幸福里社区党支部」转入「和平里社区党支部」`,
    );
    expect(joined(await world.secretaryB.presses("接收", notice))).toBe(
      "已接收 冯涛 从「幸福里社区党支部」转入本支部。",
    );
    expect(joined(await member.says("/profile"))).toContain("支部：和平里社区党支部");
    expect(joined(await world.secretaryA.says("/members"))).not.toContain("冯涛");
    expect(joined(await world.secretaryB.says("/members"))).toContain("冯涛");
    expect(await told(member)).toContain("您的组织关系已从「幸福里社区党支部」转入「和平里社区党支部」。");
    expect(await told(world.secretaryA)).toContain("冯涛 的组织关系已被「和平里社区党支部」接收。");
    expect(joined(await world.secretaryB.says(`/accept_transfer ${transfer}`))).toContain("已经处理过了");
    const actions = await bot.prisma.auditEntry.findMany({
      where: { action: { startsWith: "member.transfer" } },
      select: { action: true },
    });
    expect(actions.map((a) => a.action).sort()).toEqual([
      "member.transfer",
      "member.transfer_in",
      "member.transfer_sent",
    ]);
  });

  test("leaves a member where they were when the receiving branch sends the transfer back", async () => {
    const member = bot.user("tang-li", "唐丽");
    const code = await enrol(world.secretaryA, member);
    const transfer = codeIn(joined(await world.secretaryA.says(`/transfer ${code} ${world.branchB}`)), "T");
    expect(joined(await world.secretaryB.says(`/decline_transfer ${transfer} 请先开具介绍信`))).toBe(
      "已退回 唐丽 从「幸福里社区党支部」的转接，该党员仍在原支部。",
    );
    const back =
      "唐丽 从「幸福里社区党支部」转往「和平里社区党支部」的组织关系被退回（请先开具介绍信），仍在「幸福里社区党支部」。";
    expect(await told(member)).toContain(back);
    expect(await told(world.secretaryA)).toContain(back);
    expect(joined(await member.says("/profile"))).toContain("支部：幸福里社区党支部");
    // Sent back, it may be sent again.
    expect(joined(await world.secretaryA.says(`/transfer ${code} ${world.branchB}`))).toContain(
      "待对方支部接收",
    );
  });

  test("moves the member at once when the sender is secretary of both branches", async () => {
    const member = bot.user("lu-ming", "陆明");
    const code = await enrol(world.secretaryA, member);
    await world.admin.says(`/use ${world.branchA}`);
    expect(joined(await world.admin.says(`/transfer ${code} ${world.branchB}`))).toBe(
      "陆明 的组织关系已转入「和平里社区党支部」。",
    );
    expect(joined(await member.says("/profile"))).toContain("支部：和平里社区党支部");
    expect(await told(member)).toContain("您的组织关系已从「幸福里社区党支部」转入「和平里社区党支部」。");
  });

  test("lets a registered member take part in a community, and see its residents, only once it approves", async () => {
    const member = bot.user("yang-jie", "杨洁");
    await enrol(world.secretaryA, member);
    const wish = codeIn(
      joined(
        await world.secretaryB.in(world.groupB).says("/wish 修理门锁 | 和平里5号楼302 刘大爷 13903150022"),
      ),
      "W",
    );
    const asked = joined(await member.says(`/register ${world.branchB}`));
    expect(asked).toContain("已向「和平里社区党支部」提交报到申请");
    expect(asked).toContain("确认前不能参加该社区的志愿服务和微心愿认领");
    const request = codeIn(asked, "R");
    expect(joined(await member.says(`/register ${world.branchB}`))).toContain("还在等待确认");
    expect(joined(await member.says("/profile"))).toContain("社区报到：和平里社区党支部（待确认）");

    // Pending: not in the community's roster, no claim, no resident's details.
    expect(joined(await world.secretaryB.in(world.groupB).says("/members"))).not.toContain("杨洁");
    expect(joined(await member.says(`/claim ${wish}`))).toContain("不属于您的支部或您报到的社区");
    const info = joined(await member.says(`/wish_info ${wish}`));
    expect(info).not.toContain("刘大爷");
    expect(info).not.toContain("13903150022");
    expect(await bot.prisma.microWish.count({ where: { code: wish, status: "claimed" } })).toBe(0);
    // Another branch's secretary cannot decide it.
    expect(joined(await world.secretaryA.says(`/approve_register ${request}`))).toMatch(/权限/);

    const notice = await lastNotice(world.secretaryB);
    expect(joined(notice)).toBe(
      `杨洁（幸福里社区党支部）申请到「和平里社区党支部」报到（编号 ${request}），请确认。`,
    );
    expect(joined(await world.secretaryB.says("/requests"))).toContain(
      `${request} · 杨洁（幸福里社区党支部）· 申请到「和平里社区党支部」报到`,
    );
    expect(joined(await world.secretaryB.presses("同意", notice))).toBe(
      "已同意 杨洁 到「和平里社区党支部」报到。",
    );
    expect(await told(member)).toContain(
      "您到「和平里社区党支部」的报到申请已同意，现在可以参加该社区的志愿服务和微心愿认领。",
    );
    const community = joined(await world.secretaryB.in(world.groupB).says("/members"));
    expect(community).toContain("到本社区报到的在职党员（1 人）");
    expect(community).toContain("杨洁（幸福里社区党支部）");
    expect(joined(await member.says(`/claim ${wish}`))).toContain("刘大爷");
    expect(joined(await member.says(`/register ${world.branchB}`))).toContain(
      "已经在「和平里社区党支部」报到过了",
    );
  });

  test("tells a member why their registration was turned down, and lets them ask again", async () => {
    const member = bot.user("he-jun", "何军");
    await enrol(world.secretaryA, member);
    const request = codeIn(joined(await member.says(`/register ${world.branchB}`)), "R");
    expect(joined(await world.secretaryB.says(`/reject_register ${request} 不在本社区居住`))).toBe(
      "已不同意 何军 到「和平里社区党支部」报到。",
    );
    expect(await told(member)).toContain(
      "您到「和平里社区党支部」的报到申请未获同意（不在本社区居住）。如有疑问，请联系社区党组织书记。",
    );
    expect(joined(await world.secretaryB.says(`/approve_register ${request}`))).toContain("已经处理过了");
    expect(joined(await member.says("/profile"))).toContain("社区报到：无");
    const again = codeIn(joined(await member.says(`/register ${world.branchB}`)), "R");
    expect(again).not.toBe(request);
    expect(joined(await world.secretaryB.says(`/approve_register ${again}`))).toContain("已同意");
  });

  test("never lets a secretary approve their own registration", async () => {
    // 李建国, secretary of 幸福里, is made a secretary of 和平里 too, and registers there.
    const code = world.memberCodes.get("li-jianguo") ?? "";
    await world.admin.says(`/use ${world.branchB}`);
    expect(joined(await world.admin.says(`/role grant ${code} 书记 ${world.branchB}`))).toContain("书记");
    const request = codeIn(joined(await world.secretaryA.says(`/register ${world.branchB}`)), "R");
    expect(joined(await world.secretaryA.says(`/approve_register ${request}`))).toContain(
      "不能审批自己的报到申请",
    );
    expect(joined(await world.secretaryB.says(`/approve_register ${request}`))).toContain("已同意 李建国");
  });
});

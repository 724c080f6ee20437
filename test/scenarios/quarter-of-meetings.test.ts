// A whole quarter (Q2 2026) of one branch on a fake clock: theme days, committee and group
// meetings, a general meeting with quorum and one without, a party lesson with a sign-in code,
// leave approved and rejected, a late check-in, a proxy attempt, a duplicate check-in and a
// cancelled meeting — and the ledgers and obligations that result.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/reply.js";
import { codeAfter, joined } from "../support/replies.js";
import { startTestBot, type TestBot, type TestUser } from "../support/test-bot.js";
import { buildWorld, enrol, type World } from "../support/world.js";

const meetingCode = (replies: Reply[]) => {
  const match = joined(replies).match(/\b(H[0-9A-Z]{4})\b/);
  if (!match?.[1]) throw new Error(`no meeting code in ${joined(replies)}`);
  return match[1];
};

describe("a quarter of 幸福里社区党支部", () => {
  let bot: TestBot;
  let world: World;
  let secretary: TestUser;
  let wang: TestUser; // 王芳, group 1 leader
  let zhang: TestUser; // 张伟, committee member, group 2
  let liu: TestUser; // 刘洋, probationary, group 2
  let chen: TestUser; // 陈静, deputy secretary, group 1
  let zhao: TestUser; // 赵磊, group 2
  let group1 = "";
  let group2 = "";
  const codes: Record<string, string> = {};
  const at = (iso: string) => bot.clock.set(iso);
  const say = (who: TestUser, text: string) => who.in(world.groupA).says(text);

  beforeAll(async () => {
    bot = await startTestBot();
    at("2026-03-25T02:00:00Z");
    world = await buildWorld(bot);
    secretary = world.secretaryA;
    group1 = codeAfter(await secretary.says("/org_add 党小组 第一党小组"), "代码");
    group2 = codeAfter(await secretary.says("/org_add 党小组 第二党小组"), "代码");
    const people: [string, string, "正式" | "预备", string, string][] = [
      ["wang-fang", "王芳", "正式", "2008-04-18", group1],
      ["zhang-wei", "张伟", "正式", "2003-11-05", group2],
      ["liu-yang", "刘洋", "预备", "2025-12-01", group2],
      ["chen-jing", "陈静", "正式", "1995-05-04", group1],
      ["zhao-lei", "赵磊", "正式", "2012-09-20", group2],
    ];
    const users: TestUser[] = [];
    for (const [id, name, status, joinedOn, group] of people) {
      const user = bot.user(id, name);
      const code = await enrol(secretary, user, { status, joined: joinedOn });
      codes[name] = code;
      await bot.prisma.member.update({
        where: { code },
        data: { groupId: (await bot.prisma.organization.findUniqueOrThrow({ where: { code: group } })).id },
      });
      users.push(user);
    }
    [wang, zhang, liu, chen, zhao] = users as [TestUser, TestUser, TestUser, TestUser, TestUser];
    await secretary.says(`/role grant ${codes.王芳} 组长 ${group1}`);
    await secretary.says(`/role grant ${codes.张伟} 委员`);
    await world.admin.says(`/use ${world.branchA}`);
    await world.admin.says(`/role grant ${codes.陈静} 副书记`);
  });
  afterAll(async () => {
    await bot.close();
  });

  it("runs April: theme day with a late check-in, approved leave and an absentee; committee and one group meeting", async () => {
    at("2026-04-01T01:00:00Z");
    const planned = joined(await secretary.says("/theme_days"));
    expect(planned).toContain("已按设定的主题党日时间安排 3 次主题党日");
    expect(planned).toContain("2026-04-15 09:00（周三）");
    expect(planned).toContain("2026-06-15 09:00（周一）");
    const themeCodes = [...planned.matchAll(/\b(H[0-9A-Z]{4})\b/g)].map((m) => m[1] ?? "");
    const [aprilDay, , juneDay] = themeCodes;
    codes.april = aprilDay ?? "";
    codes.juneTheme = juneDay ?? "";

    const posts = await bot.posts(world.groupA);
    const announcement = joined(posts);
    expect(announcement).toContain("【主题党日】主题党日");
    expect(announcement).toContain("本月过政治生日：王芳");
    expect(announcement).toContain("1. 重温入党誓词");

    // 赵磊 presses 请假 on the announcement; the bot asks for the reason privately.
    at("2026-04-14T12:00:00Z");
    const asked = await zhao.in(world.groupA).presses("请假", posts);
    expect(asked[0]?.visibility).toBe("private");
    expect(joined(asked)).toContain("请输入「主题党日」的请假理由");
    const requested = await zhao.says("出差去石家庄");
    expect(joined(requested)).toContain("已提交「主题党日」的请假申请");
    const leaveCode = codeAfter(requested, "申请（");
    expect(joined(await secretary.says("/leaves"))).toContain(
      `${leaveCode} · 赵磊 ·「主题党日」· 理由：出差去石家庄`,
    );
    expect(joined(await secretary.presses("批准"))).toContain("已批准 赵磊 的请假");

    await say(wang, `/attend ${codes.april}`);
    at("2026-04-15T00:40:00Z"); // 08:40: check-in is open
    for (const who of [secretary, wang, zhang])
      expect(joined(await say(who, `/checkin ${codes.april}`))).toContain("签到成功");
    at("2026-04-15T01:10:00Z"); // 09:10: late
    expect(joined(await say(liu, `/签到 ${codes.april}`))).toContain("迟到已记录");
    const live = joined(await bot.posts(world.groupA));
    expect(live).toContain("应到 6 人 · 报名参加 1 · 请假 1 · 已签到 4");

    for (const item of [1, 2, 3, 4, 5]) await secretary.says(`/tick ${codes.april} ${item}`);
    at("2026-04-15T03:00:00Z");
    expect(joined(await secretary.says(`/close_meeting ${codes.april}`))).toContain("请先记录会议内容");
    await secretary.says(`/minutes ${codes.april} 内容 重温入党誓词，学习党章第一章，交纳四月党费。`);
    const closed = joined(await secretary.says(`/close_meeting ${codes.april}`));
    expect(closed).toContain("1 名缺席人员没有登记原因，已记为“无故”");
    expect(closed).toContain("应到 6 人，实到 4 人（其中迟到 1 人），请假 1 人，缺席 1 人");
    expect(closed).toContain("赵磊：请假");
    expect(closed).toContain("陈静：无故");

    // Committee meeting: secretary, deputy 陈静 and committee member 张伟 are expected.
    at("2026-04-05T02:00:00Z");
    codes.committeeApril = meetingCode(
      await secretary.schedules(`支委会 2026-04-08 19:30 党员活动室 研究四月工作 记录=${codes.张伟}`),
    );
    at("2026-04-08T11:20:00Z");
    for (const who of [secretary, chen, zhang]) await say(who, `/checkin ${codes.committeeApril}`);
    expect(joined(await say(wang, `/checkin ${codes.committeeApril}`))).toContain("这不是您需要参加的会议");
    at("2026-04-08T13:00:00Z");
    await zhang.says(`/minutes ${codes.committeeApril} 内容 研究四月主题党日和党费收缴工作。`);
    const committee = joined(await secretary.says(`/close_meeting ${codes.committeeApril}`));
    expect(committee).toContain("应到 3 人，实到 3 人");
    expect(committee).toContain("支委会委员：到会 3 / 共 3 人，超过半数，可以作出决定");

    // 王芳 leads group 1 and schedules its meeting; group 2 holds none in April.
    at("2026-04-16T02:00:00Z");
    codes.group1April = meetingCode(
      await wang.schedules(`党小组会 4月20日 19:00 王芳家 学习党章 小组=${group1}`),
    );
    expect(joined(await wang.schedules(`党小组会 4月21日 19:00 某处 越权 小组=${group2}`))).toContain(
      "没有权限",
    );
    at("2026-04-20T11:05:00Z");
    for (const who of [wang, chen]) await say(who, `/checkin ${codes.group1April}`);
    await wang.says(`/minutes ${codes.group1April} 内容 学习党章总纲。`);
    expect(joined(await wang.says(`/close_meeting ${codes.group1April}`))).toContain("应到 2 人，实到 2 人");

    at("2026-04-28T02:00:00Z");
    const april = joined(await secretary.says("/obligations 月"));
    expect(april).toContain("支部委员会：应开 1 次，已开 1 次，已安排 0 次 ✓");
    expect(april).toContain("党小组会（第一党小组）：应开 1 次，已开 1 次，已安排 0 次 ✓");
    expect(april).toContain("党小组会（第二党小组）：应开 1 次，已开 0 次，已安排 0 次 ⏳ 还差 1 次");
    expect(april).toContain("主题党日：应开 1 次，已开 1 次");
    expect(april).toContain("支部党员大会 · 2026年第2季度：应开 1 次，已开 0 次，已安排 0 次 ⏳ 还差 1 次");
  });

  it("holds a general meeting with quorum in May and one without in June", async () => {
    at("2026-05-04T02:00:00Z");
    codes.generalMay = meetingCode(
      await secretary.schedules(`党员大会 5月10日 09:00 社区会议室 讨论发展党员 主持=${codes.陈静}`),
    );
    at("2026-05-10T00:50:00Z");
    for (const who of [secretary, wang, zhang]) await say(who, `/checkin ${codes.generalMay}`);
    await chen.says(`/minutes ${codes.generalMay} 内容 讨论发展对象。`);
    await chen.says(`/minutes ${codes.generalMay} 决议 同意列为发展对象。`);
    at("2026-05-10T03:00:00Z");
    await secretary.says(`/absent ${codes.generalMay} ${codes.赵磊} 因公 区里开会`);
    // 王芳 checked in: a reason for her absence would contradict the record.
    expect(joined(await secretary.says(`/absent ${codes.generalMay} ${codes.王芳} 病假`))).toContain(
      "王芳 已签到，不能登记缺席原因",
    );
    const may = joined(await secretary.says(`/close_meeting ${codes.generalMay}`));
    expect(may).toContain("应到 6 人，实到 3 人");
    expect(may).toContain("有表决权人数：到会 3 / 应到 5，超过半数，可以表决");
    expect(may).toContain("赵磊：因公（区里开会）");
    expect(may).toContain("陈静：无故");
    expect(may).toContain("决议：同意列为发展对象。");

    at("2026-06-01T02:00:00Z");
    codes.generalJune = meetingCode(await secretary.schedules("党员大会 6月5日 19:00 社区会议室 民主评议"));
    at("2026-06-05T11:00:00Z");
    for (const who of [secretary, wang, liu]) await say(who, `/checkin ${codes.generalJune}`);
    await secretary.says(`/minutes ${codes.generalJune} 内容 因到会人数不足，改期。`);
    at("2026-06-05T13:00:00Z");
    const june = joined(await secretary.says(`/close_meeting ${codes.generalJune}`));
    expect(june).toContain("有表决权人数：到会 2 / 应到 5，未超过半数，不能作出决定");
  });

  it("runs June's party lesson with a sign-in code, a proxy attempt, a duplicate and a rejected leave, and cancels June's theme day", async () => {
    at("2026-06-10T02:00:00Z");
    codes.lesson = meetingCode(await secretary.schedules("党课 6月20日 15:00 党员活动室 学习二十大精神"));
    const leaveReply = await chen.says(`/leave ${codes.lesson} 想休息`);
    const leaveCode = codeAfter(leaveReply, "申请（");
    expect(joined(await secretary.says(`/reject_leave ${leaveCode} 党课很重要`))).toContain(
      "未批准 陈静 的请假",
    );

    at("2026-06-20T06:45:00Z");
    const issued = joined(await secretary.says(`/checkin_code ${codes.lesson}`));
    const signin = issued.match(/签到码：(\d{4})/)?.[1] ?? "";
    expect(signin).toMatch(/^\d{4}$/);
    const wrong = signin === "0000" ? "1111" : "0000";
    expect(joined(await say(zhao, `/checkin ${codes.lesson} ${wrong}`))).toContain("签到码不对");
    // The button cannot carry the code: the bot asks for it privately, and the answer typed in
    // the private chat completes the check-in; the four digits are never typed in the group.
    const posts = await bot.posts(world.groupA);
    const lessonPost = posts.filter((p) => joined([p]).includes(codes.lesson ?? "-"));
    const asked = await zhao.in(world.groupA).presses("签到", lessonPost);
    expect(joined(asked)).toContain("请输入主持人出示的 4 位签到码");
    expect(asked.every((r) => r.visibility === "private")).toBe(true);
    expect(await zhao.in(world.groupA).says(signin)).toEqual([]);
    expect(joined(await zhao.says(signin))).toContain("签到成功");
    expect(joined(await say(zhao, `/checkin ${codes.lesson} ${signin}`))).toContain("您已经签到过了");
    for (const who of [secretary, wang, zhang, liu]) await say(who, `/checkin ${codes.lesson} ${signin}`);
    expect(await bot.prisma.checkIn.count({ where: { meeting: { code: codes.lesson } } })).toBe(5);
    await secretary.says(`/minutes ${codes.lesson} 内容 书记讲党课。`);
    at("2026-06-20T09:00:00Z");
    const lesson = joined(await secretary.says(`/close_meeting ${codes.lesson}`));
    expect(lesson).toContain("应到 6 人，实到 5 人");
    expect(lesson).toContain("陈静：无故");

    expect(joined(await secretary.says(`/cancel_meeting ${codes.juneTheme} 社区疫苗接种占用场地`))).toContain(
      "已取消会议",
    );
    const notices = joined(await bot.posts(world.groupA));
    expect(notices).toContain("会议取消：");
    expect(notices).toContain("【已取消】【主题党日】");
    expect(joined(await say(wang, `/checkin ${codes.juneTheme}`))).toContain("已取消");
  });

  it("ends the quarter with exactly the right obligations and personal records", async () => {
    at("2026-06-25T02:00:00Z");
    const q2 = joined(await secretary.says("/obligations"));
    // The whole quarter, month by month: May held no committee, group or theme day meeting, the
    // second group skipped April and May, June is still running; the June general meeting lacked
    // its quorum, so it is held but flagged.
    for (const line of [
      "支部党员大会：应开 1 次，已开 2 次，已安排 0 次 ✓；其中 1 次未达到法定人数，决议无效",
      "支部委员会：应开 3 次，已开 1 次，已安排 0 次 ⚠ 缺 1 次（2026年5月） ⏳ 还差 1 次",
      "党小组会（第一党小组）：应开 3 次，已开 1 次，已安排 0 次 ⚠ 缺 1 次（2026年5月） ⏳ 还差 1 次",
      "党小组会（第二党小组）：应开 3 次，已开 0 次，已安排 0 次 ⚠ 缺 2 次（2026年4月、2026年5月） ⏳ 还差 1 次",
      "党课：应开 1 次，已开 1 次，已安排 0 次 ✓",
      "主题党日：应开 3 次，已开 1 次，已安排 0 次 ⚠ 缺 1 次（2026年5月） ⏳ 还差 1 次",
      "组织生活会 · 2026年：应开 1 次，已开 0 次，已安排 0 次 ⏳ 还差 1 次",
    ])
      expect(q2).toContain(line);
    // The quarter just ended, asked for on the first day of the next: June's gaps are now misses.
    at("2026-07-01T02:00:00Z");
    const lastQuarter = joined(await secretary.says("/obligations 季 上期"));
    expect(lastQuarter).toContain("· 2026年第2季度");
    expect(lastQuarter).toContain(
      "支部委员会：应开 3 次，已开 1 次，已安排 0 次 ⚠ 缺 2 次（2026年5月、2026年6月）",
    );
    expect(joined(await secretary.says("/obligations 2026-Q2"))).toBe(lastQuarter);
    at("2026-06-25T02:00:00Z");

    const chenRecord = joined(await chen.says("/my_attendance"));
    // 陈静: April theme day absent (无故), committee present, group present, May general absent,
    // June general absent, lesson absent — in Q2: expected 6, present 2 (the group meeting at
    // 19:05 for 19:00, late), absent 4.
    expect(chenRecord).toContain("本季度：应到 6 次，出席 2 次（迟到 1），请假 0 次，缺席 4 次");
    expect(chenRecord).toContain("本月：应到 2 次，出席 0 次");
    const zhaoLeaves = joined(await zhao.says("/my_leaves"));
    expect(zhaoLeaves).toContain("出差去石家庄 — 已批准");
    expect(joined(await chen.says("/my_leaves"))).toContain("想休息 — 未批准");

    // A closed record changes only through a logged correction.
    expect(joined(await secretary.says(`/absent ${codes.lesson} ${codes.陈静} 病假`))).toContain(
      "请用 /correct 更正",
    );
    expect(joined(await secretary.says(`/correct ${codes.lesson} 原因 ${codes.陈静} 病假`))).toContain(
      "更正已留痕",
    );
    expect(joined(await secretary.says(`/meeting ${codes.lesson}`))).toContain("陈静：病假");
    const log = await bot.prisma.auditEntry.findFirstOrThrow({ where: { action: "meeting.correct" } });
    expect(JSON.parse(log.details)).toMatchObject({ field: "reason", before: "unexcused", after: "sick" });

    // The quarter's 台账 as an inspector reads it.
    const [exported] = await secretary.says("/export 季");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(exported?.attachment?.path ?? "");
    const ledger = workbook.getWorksheet("会议台账");
    const rows: unknown[][] = [];
    ledger?.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1));
    });
    // Only held meetings; the cancelled June theme day is on its own sheet.
    expect(rows.every((r) => r[0] !== "主题党日" || String(r[1]).startsWith("2026-04"))).toBe(true);
    const planned: unknown[] = [];
    workbook.getWorksheet("会议安排")?.eachRow((row, n) => {
      if (n > 1) planned.push(row.getCell(5).value);
    });
    expect(planned).toContain("已取消");
    const generals = rows.filter((r) => r[0] === "支部党员大会");
    // May reached its quorum; June did not: held, but its resolutions are not valid.
    expect(generals.map((r) => r[10])).toEqual(["是", "否（决议无效）"]);
    const lesson = rows.find((r) => r[0] === "党课");
    expect(String(lesson?.[12])).toContain("陈静（病假；请假未获批准（想休息））");
    const matrix = workbook.getWorksheet("出勤矩阵");
    const chenRow = (() => {
      let found: unknown[] = [];
      matrix?.eachRow((row) => {
        if (row.getCell(1).value === "陈静") found = (row.values as unknown[]).slice(2);
      });
      return found;
    })();
    expect(chenRow).toContain("病假");
    expect(chenRow).toContain("迟到");
  });

  it("refuses another branch's member at this branch's meeting", async () => {
    at("2026-06-26T02:00:00Z");
    const code = meetingCode(await secretary.schedules("党课 6月28日 15:00 党员活动室 七一前夕专题党课"));
    const outsider = bot.user("hepingli-member", "何平");
    await enrol(world.secretaryB, outsider);
    at("2026-06-28T06:50:00Z");
    expect(joined(await outsider.says(`/checkin ${code}`))).toMatch(/找不到编号|不是您需要参加/);
  });
});

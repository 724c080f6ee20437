// One branch through the fourth quarter of 2026, and every report that reads it: /obligations for
// each month and the quarter, the monthly and quarterly posts, /evaluation, the branch's and the
// committee's exports, and the warnings on the quarter's last day and the next one's first.
// The quarter: theme days every month; committee meetings with November missed; two party groups,
// the second meeting only in October; two general meetings, December's without a quorum; no party
// lesson; leave approved and leave rejected; 孙强 absent since July; 周敏 absent in October and
// November who comes back on 15 December.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Chat, enrolQuarterCast, type Held, secretaryRoutine } from "../support/branch-quarter.js";
import { codeAfter, joined } from "../support/replies.js";
import { startTestBot, type TestBot, type TestUser } from "../support/test-bot.js";
import { rowsOf } from "../support/workbooks.js";
import { buildWorld, type World } from "../support/world.js";

describe("the fourth quarter of 幸福里社区党支部, as every report reads it", () => {
  let bot: TestBot;
  let world: World;
  let committeeChat: Chat;
  let secretary: TestUser;
  let wang: TestUser; // 王芳, leads the first group
  let chen: TestUser; // 陈静, deputy secretary, first group
  let zhou: TestUser; // 周敏, first group: misses October and November, back on 15 December
  let zhang: TestUser; // 张伟, committee member, second group
  let zhao: TestUser; // 赵磊, second group
  let sun: TestUser; // 孙强, second group: absent since July
  let group1 = "";
  let group2 = "";
  let routine: ReturnType<typeof secretaryRoutine>;
  const at = (iso: string) => bot.clock.set(iso);
  const hold = (meeting: Held) => routine.hold(meeting);
  const nineOClock = (day: string) => routine.nineOClock(day);
  const post = (chat: Chat, title: string) => routine.post(chat, title);
  const workbook = (who: TestUser, filename: string) => routine.workbook(who, filename);
  const everyone = () => [secretary, wang, chen, zhou, zhang, zhao, sun];
  const but = (...absent: TestUser[]) => everyone().filter((u) => !absent.includes(u));

  beforeAll(async () => {
    bot = await startTestBot();
    at("2026-06-20T02:00:00Z");
    world = await buildWorld(bot);
    secretary = world.secretaryA;
    routine = secretaryRoutine(bot, world);
    committeeChat = bot.group("nanhu-committee", "南湖街道党工委群");
    await world.admin.says(`/use ${world.committee}`);
    const bind = codeAfter(await world.admin.says("/bind_code"), "绑定码：");
    await world.admin.in(committeeChat).says(`/bind ${bind}`);
    ({
      group1,
      group2,
      members: [wang, chen, zhou, zhang, zhao, sun],
    } = await enrolQuarterCast(bot, world));

    // The summer before: a theme day each month, 孙强 at none of them.
    for (const month of ["07", "08", "09"])
      await hold({
        schedule: `主题党日 ${Number(month)}月15日 09:00 党员活动室 ${Number(month)}月主题党日`,
        startsAt: `2026-${month}-15T01:00:00Z`,
        came: but(sun),
      });
  });
  afterAll(async () => {
    await bot.close();
  });

  it("holds October in full: theme day, committee, both groups and a general meeting with its quorum", async () => {
    await hold({
      schedule: "主题党日 10月15日 09:00 党员活动室 十月主题党日",
      startsAt: "2026-10-15T01:00:00Z",
      came: but(sun, zhou),
    });
    await hold({
      schedule: "支委会 10月9日 19:30 党员活动室 研究十月工作",
      startsAt: "2026-10-09T11:30:00Z",
      came: [secretary, chen, zhang],
    });
    await hold({
      schedule: `党小组会 10月20日 19:00 王芳家 学习党章 小组=${group1}`,
      startsAt: "2026-10-20T11:00:00Z",
      came: [wang, chen],
      by: wang,
    });
    await hold({
      schedule: `党小组会 10月22日 19:00 社区会议室 学习党章 小组=${group2}`,
      startsAt: "2026-10-22T11:00:00Z",
      came: [zhang, zhao],
      by: zhang,
    });
    await hold({
      schedule: "党员大会 10月28日 19:00 社区会议室 讨论发展党员",
      startsAt: "2026-10-28T11:00:00Z",
      came: but(sun, zhou),
    });

    at("2026-10-31T02:00:00Z");
    const october = joined(await secretary.says("/obligations 月 2026-10"));
    for (const line of [
      "支部委员会：应开 1 次，已开 1 次，已安排 0 次 ✓",
      "党小组会（第一党小组）：应开 1 次，已开 1 次，已安排 0 次 ✓",
      "党小组会（第二党小组）：应开 1 次，已开 1 次，已安排 0 次 ✓",
      "主题党日：应开 1 次，已开 1 次，已安排 0 次 ✓",
    ])
      expect(october).toContain(line);
  });

  it("posts October's summary on 1 November, then holds November without a committee meeting", async () => {
    await nineOClock("2026-11-01");
    expect(await post(world.groupA, "【月度小结】幸福里社区党支部 · 2026年10月")).toEqual([
      "【月度小结】幸福里社区党支部 · 2026年10月",
      // The same lines as /obligations 月: the quarter's general meeting is shown for its quarter.
      "支部党员大会 · 2026年第4季度：应开 1 次，已开 1 次，已安排 0 次 ✓",
      "支部委员会：应开 1 次，已开 1 次，已安排 0 次 ✓",
      "党小组会（第一党小组）：应开 1 次，已开 1 次，已安排 0 次 ✓",
      "党小组会（第二党小组）：应开 1 次，已开 1 次，已安排 0 次 ✓",
      "党课 · 2026年第4季度：应开 1 次，已开 0 次，已安排 0 次 ⏳ 还差 1 次",
      "主题党日：应开 1 次，已开 1 次，已安排 0 次 ✓",
      "组织生活会 · 2026年：应开 1 次，已开 0 次，已安排 0 次 ⏳ 还差 1 次",
      // 5+3+2+2+5 present of 7+3+3+3+7 expected.
      "出勤率：74%（5 次会议）",
      // 孙强, four months: orange. 周敏 has missed one month only.
      "有 1 名党员处于缺席预警中，书记已收到名单。",
    ]);

    await hold({
      schedule: "主题党日 11月16日 09:00 党员活动室 十一月主题党日",
      startsAt: "2026-11-16T01:00:00Z",
      came: but(sun, zhou),
    });
    await hold({
      schedule: `党小组会 11月18日 19:00 王芳家 学习党史 小组=${group1}`,
      startsAt: "2026-11-18T11:00:00Z",
      came: [wang, chen],
      by: wang,
    });
    at("2026-11-30T02:00:00Z");
    const november = joined(await secretary.says("/obligations 月"));
    for (const line of [
      "支部委员会：应开 1 次，已开 0 次，已安排 0 次 ⏳ 还差 1 次",
      "党小组会（第二党小组）：应开 1 次，已开 0 次，已安排 0 次 ⏳ 还差 1 次",
      "主题党日：应开 1 次，已开 1 次，已安排 0 次 ✓",
    ])
      expect(november).toContain(line);
  });

  it("holds December: 周敏 comes back mid-month, a general meeting without its quorum", async () => {
    await nineOClock("2026-12-01");
    const summary = await post(world.groupA, "【月度小结】幸福里社区党支部 · 2026年11月");
    expect(summary).toContain("支部委员会：应开 1 次，已开 0 次，已安排 0 次 ⚠ 缺 1 次（2026年11月）");
    expect(summary).toContain(
      "党小组会（第二党小组）：应开 1 次，已开 0 次，已安排 0 次 ⚠ 缺 1 次（2026年11月）",
    );
    expect(summary).toContain("出勤率：70%（2 次会议）");
    expect(summary).toContain("有 2 名党员处于缺席预警中，书记已收到名单。");
    expect(summary.join("\n")).not.toMatch(/孙强|周敏/);

    await hold({
      schedule: "支委会 12月8日 19:30 党员活动室 研究年终工作",
      startsAt: "2026-12-08T11:30:00Z",
      came: [secretary, chen, zhang],
    });
    at("2026-12-14T02:00:00Z");
    const beforeReturn = joined(await secretary.says("/warnings"));
    expect(beforeReturn).toContain(
      "🔴 红色预警：孙强 已连续 5 个月未参加组织生活（2026年7月至2026年11月；最近一次参加：近一年没有）",
    );
    expect(beforeReturn).toContain(
      "🟡 黄色预警：周敏 已连续 2 个月未参加组织生活（2026年10月至2026年11月；最近一次参加：2026-09-15）",
    );
    await hold({
      schedule: "主题党日 12月15日 09:00 党员活动室 十二月主题党日",
      startsAt: "2026-12-15T01:00:00Z",
      came: but(sun, zhao),
      leave: [{ who: zhao, reason: "陪护住院的母亲", approved: true }],
    });
    await hold({
      schedule: `党小组会 12月20日 19:00 王芳家 年终总结 小组=${group1}`,
      startsAt: "2026-12-20T11:00:00Z",
      came: [wang, chen, zhou],
      by: wang,
    });
    const general = await hold({
      schedule: "党员大会 12月22日 19:00 社区会议室 年终总结",
      startsAt: "2026-12-22T11:00:00Z",
      came: [secretary, zhang, zhou],
      leave: [{ who: wang, reason: "想在家休息", approved: false }],
    });
    expect(joined(await secretary.says(`/meeting ${general}`))).toContain(
      "有表决权人数：到会 3 / 应到 7，未超过半数，不能作出决定",
    );

    // The quarter's last day: December is still running, so its gaps are still to fill.
    at("2026-12-31T02:00:00Z");
    const quarter = joined(await secretary.says("/obligations"));
    for (const line of [
      "支部党员大会：应开 1 次，已开 2 次，已安排 0 次 ✓；其中 1 次未达到法定人数，决议无效",
      "支部委员会：应开 3 次，已开 2 次，已安排 0 次 ⚠ 缺 1 次（2026年11月）",
      "党小组会（第一党小组）：应开 3 次，已开 3 次，已安排 0 次 ✓",
      "党小组会（第二党小组）：应开 3 次，已开 1 次，已安排 0 次 ⚠ 缺 1 次（2026年11月） ⏳ 还差 1 次",
      "党课：应开 1 次，已开 0 次，已安排 0 次 ⏳ 还差 1 次",
      "主题党日：应开 3 次，已开 3 次，已安排 0 次 ✓",
      "组织生活会 · 2026年：应开 1 次，已开 0 次，已安排 0 次 ⏳ 还差 1 次",
    ])
      expect(quarter).toContain(line);
    // 孙强 still red for July to November; 周敏 came back this month, so her warning is gone.
    const lastDay = joined(await secretary.says("/warnings"));
    expect(lastDay).toContain("🔴 红色预警：孙强 已连续 5 个月未参加组织生活（2026年7月至2026年11月");
    expect(lastDay).not.toContain("已满六个月");
    expect(lastDay).not.toContain("周敏");
  });

  it("reads the same quarter in every report on 1 January", async () => {
    await nineOClock("2027-01-01");
    const december = await post(world.groupA, "【月度小结】幸福里社区党支部 · 2026年12月");
    expect(december).toContain(
      "支部党员大会 · 2026年第4季度：应开 1 次，已开 2 次，已安排 0 次 ✓；其中 1 次未达到法定人数，决议无效",
    );
    expect(december).toContain(
      "党小组会（第二党小组）：应开 1 次，已开 0 次，已安排 0 次 ⚠ 缺 1 次（2026年12月）",
    );
    expect(december).toContain(
      "党课 · 2026年第4季度：应开 1 次，已开 0 次，已安排 0 次 ⚠ 缺 1 次（2026年第4季度）",
    );
    // 3+5+3+3 present of 3+7+3+7 expected: 赵磊's approved leave is expected but not present.
    expect(december).toContain("出勤率：70%（4 次会议）");
    // The committee's results: 14 required (3 monthly types × 3, the second group too, and the
    // general meeting and lesson once), 10 counted (a second general meeting does not count twice).
    expect(await post(committeeChat, "【季度晒绩】南湖街道党工委 · 2026年第4季度")).toEqual([
      "【季度晒绩】南湖街道党工委 · 2026年第4季度",
      "幸福里社区党支部：已开 10 / 应开 14（71%）",
      "和平里社区党支部：已开 0 / 应开 8（0%）",
    ]);

    at("2027-01-01T02:00:00Z");
    const warnings = joined(await secretary.says("/warnings"));
    expect(warnings).toContain(
      "🔴 红色预警：孙强 已连续 6 个月未参加组织生活（2026年7月至2026年12月；最近一次参加：近一年没有）（已满六个月",
    );
    expect(warnings).not.toContain("周敏");

    // The quarter that ended, asked for on the next one's first day: every gap is now a miss.
    const ended = joined(await secretary.says("/obligations 季 上期"));
    expect(ended.split("\n")).toEqual([
      "「幸福里社区党支部」三会一课完成情况 · 2026年第4季度",
      "支部党员大会：应开 1 次，已开 2 次，已安排 0 次 ✓；其中 1 次未达到法定人数，决议无效",
      "支部委员会：应开 3 次，已开 2 次，已安排 0 次 ⚠ 缺 1 次（2026年11月）",
      "党小组会（第一党小组）：应开 3 次，已开 3 次，已安排 0 次 ✓",
      "党小组会（第二党小组）：应开 3 次，已开 1 次，已安排 0 次 ⚠ 缺 2 次（2026年11月、2026年12月）",
      "党课：应开 1 次，已开 0 次，已安排 0 次 ⚠ 缺 1 次（2026年第4季度）",
      "主题党日：应开 3 次，已开 3 次，已安排 0 次 ✓",
      "组织生活会 · 2026年：应开 1 次，已开 0 次，已安排 0 次 ⚠ 缺 1 次（2026年）",
    ]);
    expect(joined(await secretary.says("/obligations 2026-Q4"))).toBe(ended);
    const months = {
      "2026-10": [
        "支部委员会：应开 1 次，已开 1 次，已安排 0 次 ✓",
        "党小组会（第二党小组）：应开 1 次，已开 1 次，已安排 0 次 ✓",
      ],
      "2026-11": [
        "支部委员会：应开 1 次，已开 0 次，已安排 0 次 ⚠ 缺 1 次（2026年11月）",
        "党小组会（第二党小组）：应开 1 次，已开 0 次，已安排 0 次 ⚠ 缺 1 次（2026年11月）",
      ],
      "2026-12": [
        "支部委员会：应开 1 次，已开 1 次，已安排 0 次 ✓",
        "党小组会（第二党小组）：应开 1 次，已开 0 次，已安排 0 次 ⚠ 缺 1 次（2026年12月）",
      ],
    };
    for (const [month, lines] of Object.entries(months)) {
      const view = joined(await secretary.says(`/obligations 月 ${month}`));
      for (const line of [
        ...lines,
        "党小组会（第一党小组）：应开 1 次，已开 1 次，已安排 0 次 ✓",
        "主题党日：应开 1 次，已开 1 次，已安排 0 次 ✓",
      ])
        expect(view).toContain(line);
    }

    // /evaluation: meetings 10/14 = 71.4, attendance 38/53 = 71.7, minutes complete; no dues,
    // no volunteering, no hand score yet: 0.3 × 71.4 + 0.2 × 71.7 + 0.1 × 100 = 45.8.
    const own = joined(await secretary.says("/evaluation 季 上期"));
    for (const line of [
      "「幸福里社区党支部」2026年第4季度考评得分：45.8 分",
      "三会一课按时召开（权重 30）：71.4",
      "党员参加组织生活（权重 20）：71.7",
      "党费按时交纳（权重 15）：0",
      "会议记录完整（权重 10）：100",
    ])
      expect(own).toContain(line);
    const admin = world.admin.in({ platform: "console", id: "admin-dm", kind: "private" });
    await admin.says(`/use ${world.committee}`);
    const ranking = joined(await admin.says("/evaluation 季 上期"));
    expect(ranking).toContain("1. 幸福里社区党支部 45.8 分");
    expect(ranking).toContain("2. 和平里社区党支部 0 分");

    // The branch's 台账 for the quarter.
    const branchBook = await workbook(secretary, "幸福里社区党支部-2026年第4季度-台账.xlsx");
    const ledger = rowsOf(branchBook, "会议台账");
    expect(ledger[0]?.slice(6, 11)).toEqual(["应到", "实到", "法定人数基数", "其中到会", "达到法定人数"]);
    expect(ledger.slice(1).map((r) => `${r[1]} ${r[0]} ${r[6]}/${r[7]}`)).toEqual([
      "2026-10-09 19:30 支部委员会 3/3",
      "2026-10-15 09:00 主题党日 7/5",
      "2026-10-20 19:00 党小组会 3/2",
      "2026-10-22 19:00 党小组会 3/2",
      "2026-10-28 19:00 支部党员大会 7/5",
      "2026-11-16 09:00 主题党日 7/5",
      "2026-11-18 19:00 党小组会 3/2",
      "2026-12-08 19:30 支部委员会 3/3",
      "2026-12-15 09:00 主题党日 7/5",
      "2026-12-20 19:00 党小组会 3/3",
      "2026-12-22 19:00 支部党员大会 7/3",
    ]);
    const generals = ledger.filter((r) => r[0] === "支部党员大会");
    expect(generals.map((r) => r.slice(8, 11))).toEqual([
      [7, 5, "是"],
      [7, 3, "否（决议无效）"],
    ]);
    expect(generals[1]?.[12]).toBe(
      "王芳（无故；请假未获批准（想在家休息））、陈静（无故）、赵磊（无故）、孙强（无故）",
    );
    const decemberDay = ledger.find((r) => r[5] === "十二月主题党日");
    expect(decemberDay?.[11]).toBe("赵磊");
    expect(decemberDay?.[12]).toBe("孙强（无故）");
    expect(ledger.find((r) => r[1] === "2026-10-20 19:00")?.slice(3, 5)).toEqual(["王芳", "王芳"]);
    expect(rowsOf(branchBook, "会议安排")).toHaveLength(1); // nothing scheduled was left open
    const matrix = new Map(rowsOf(branchBook, "出勤矩阵").map((r) => [String(r[0]), r.slice(1)]));
    expect(matrix.get("周敏")).toEqual([
      "—",
      "无故",
      "无故",
      "—",
      "无故",
      "无故",
      "无故",
      "—",
      "✓",
      "✓",
      "✓",
    ]);
    expect(matrix.get("赵磊")?.slice(8)).toEqual(["请假", "—", "无故"]);
    expect(rowsOf(branchBook, "请假记录").slice(1)).toEqual([
      ["十二月主题党日", "赵磊", "陪护住院的母亲", "已批准", "2026-12-08 09:00"],
      ["年终总结", "王芳", "想在家休息", "未批准", "2026-12-15 19:00"],
    ]);
    // Points of 2026 (5 a meeting attended), not of the year that began this morning.
    expect(rowsOf(branchBook, "积分").slice(1, 4)).toEqual([
      [1, "陈静", 60],
      [2, "张伟", 55],
      [3, "李建国", 50],
    ]);
    expect(rowsOf(branchBook, "预警").slice(1)).toEqual([["孙强", "未参加组织生活", "🔴 红色预警", 6]]);

    // The committee's export: the same quarter's figures for every branch.
    const committeeBook = await workbook(admin, "南湖街道党工委-2026年第4季度-各支部台账.xlsx");
    const summaryRows = new Map(rowsOf(committeeBook, "支部汇总").map((r) => [String(r[0]), r.slice(2)]));
    // 7 members, 11 meetings held, 10/14 = 71.4 %, 38/53 = 71.7 % this quarter, and for 2026 as a
    // whole (the summer's three theme days at 6/7 each) 56/74 = 75.7 %; nobody in the 发展党员
    // pipeline.
    expect(summaryRows.get("幸福里社区党支部")).toEqual([7, 11, 71.4, 71.7, 75.7, 0, 0, 0, 0]);
    expect(summaryRows.get("和平里社区党支部")).toEqual([1, 0, 0, undefined, undefined, 0, 0, 0, 0]);
    expect(
      rowsOf(committeeBook, "会议台账")
        .slice(1)
        .map((r) => r[1]),
    ).toHaveLength(11);
  });
});

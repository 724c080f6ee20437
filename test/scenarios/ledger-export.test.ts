import ExcelJS from "exceljs";
import { describe, expect } from "vitest";
import { test } from "../support/fixture.js";
import { joined } from "../support/replies.js";
import { holdClosedMeeting } from "../support/scheduling.js";
import type { TestBot, TestUser } from "../support/test-bot.js";
import { enrol, type World } from "../support/world.js";

describe("exporting the 台账", () => {
  let bot: TestBot;
  let world: World;
  let wang: TestUser;
  let zhao: TestUser;
  test.override({ startAt: "2026-03-01T01:00:00Z" });
  test.beforeEach(async ({ bot: started, world: built }) => {
    bot = started;
    world = built;
    wang = bot.user("wang-fang", "王芳");
    zhao = bot.user("zhao-lei", "赵磊");
    await enrol(world.secretaryA, wang, { joined: "2008-06-18" });
    await enrol(world.secretaryA, zhao, { status: "预备", joined: "2025-12-01" });
    await bot.prisma.member.updateMany({ where: { name: "王芳" }, data: { phone: "13803150002" } });
    await holdClosedMeeting(bot, world.secretaryA, {
      schedule:
        "党课 3月5日 15:00 党员活动室 学习党章 主持=" +
        (await bot.prisma.member.findFirstOrThrow({ where: { name: "李建国" } })).code,
      scheduledAt: "2026-03-02T01:00:00Z",
      checkInAt: "2026-03-05T06:55:00Z",
      closeAt: "2026-03-05T09:00:00Z",
      came: [world.secretaryA, wang],
      where: world.groupA,
    });
  });

  test("sends the secretary a workbook with the ledger, matrix, leave, points, warnings and masked phones", async () => {
    const replies = await world.secretaryA.in(world.groupA).says("/export 季");
    const reply = replies[0];
    expect(reply?.visibility).toBe("private");
    expect(joined(replies)).toContain("「幸福里社区党支部」2026年第1季度台账已生成");
    expect(reply?.attachment?.filename).toBe("幸福里社区党支部-2026年第1季度-台账.xlsx");

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(reply?.attachment?.path ?? "");
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "会议台账",
      "会议安排",
      "出勤矩阵",
      "请假记录",
      "积分",
      "预警",
      "党费",
      "党员名册",
    ]);
    const ledger = workbook.getWorksheet("会议台账");
    expect(ledger?.getRow(1).values).toEqual([
      undefined,
      "类型",
      "时间",
      "地点",
      "主持人",
      "记录人",
      "议题",
      "应到",
      "实到",
      "法定人数基数",
      "其中到会",
      "达到法定人数",
      "请假人员",
      "缺席人员及原因",
      "会议内容",
      "决议",
    ]);
    expect(ledger?.getRow(2).values).toEqual([
      undefined,
      "党课",
      "2026-03-05 15:00",
      "党员活动室",
      "李建国",
      // Not named when scheduled: the secretary who closed the meeting signed its record.
      "李建国",
      "学习党章",
      3,
      2,
      // The streamed workbook leaves an empty field as an empty cell.
      undefined,
      undefined,
      "不适用", // a party lesson has no quorum
      undefined,
      "赵磊（无故）",
      "学习。",
    ]);
    expect(ledger?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const matrix = workbook.getWorksheet("出勤矩阵");
    expect(matrix?.getRow(1).getCell(2).value).toBe("03-05 党课");
    const rows = new Map<string, unknown>();
    matrix?.eachRow((row, n) => {
      if (n > 1) rows.set(String(row.getCell(1).value), row.getCell(2).value);
    });
    expect(Object.fromEntries(rows)).toEqual({ 李建国: "✓", 王芳: "✓", 赵磊: "无故" });
    const roster = workbook.getWorksheet("党员名册");
    const phones: unknown[] = [];
    roster?.eachRow((row, n) => {
      if (n > 1) phones.push(row.getCell(5).value);
    });
    expect(phones).toContain("138****0002");
    expect(JSON.stringify(phones)).not.toContain("13803150002");
  });

  test("offers the meeting ledger as CSV", async () => {
    const [reply] = await world.secretaryA.says("/export 月 csv");
    expect(reply?.attachment?.filename).toBe("幸福里社区党支部-2026年3月-台账.csv");
  });

  test("leads /台账 to the ledger: the branch's workbook for the secretary, one meeting's by its code", async () => {
    const guide = await world.secretaryA.says("/台账");
    expect(joined(guide)).toContain("用 /export 导出为 Excel");
    const [workbook] = await world.secretaryA.presses("本季度台账", guide);
    expect(workbook?.attachment?.filename).toBe("幸福里社区党支部-2026年第1季度-台账.xlsx");
    const code = (await bot.prisma.meeting.findFirstOrThrow()).code;
    const one = joined(await wang.says(`/ledger ${code}`));
    expect(one).toContain("学习党章");
    expect(one).toContain("实到");
    // A member is shown how to see a meeting's, and offered no export they may not have.
    const forMember = await wang.says("/台账");
    expect(joined(forMember)).toContain("/ledger 会议编号");
    expect(forMember[0]?.buttons).toBeUndefined();
  });

  test("refuses a member's request for the branch export", async () => {
    expect(joined(await wang.in(world.groupA).says("/export"))).toContain("需要「支部书记」权限");
  });

  test("gives the committee's administrator every branch below it: a compliance summary and all meetings", async () => {
    const admin = world.admin.in({ platform: "console", id: "admin-dm", kind: "private" });
    await admin.says(`/use ${world.committee}`);
    const [reply] = await admin.says("/export 季");
    expect(reply?.visibility).toBe("private");
    expect(joined(reply ? [reply] : [])).toContain("各支部台账已生成（共 2 个支部）");
    expect(reply?.attachment?.filename).toBe("南湖街道党工委-2026年第1季度-各支部台账.xlsx");

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(reply?.attachment?.path ?? "");
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["支部汇总", "会议台账"]);
    const summary = workbook.getWorksheet("支部汇总");
    expect(summary?.getRow(1).values).toEqual([
      undefined,
      "支部",
      "代码",
      "党员人数",
      "本期召开会议",
      "三会一课完成率",
      "本期出勤率",
      "本年出勤率",
      "入党申请人",
      "入党积极分子",
      "发展对象",
      "预备党员（发展中）",
    ]);
    const byName = new Map<string, unknown[]>();
    summary?.eachRow((row, n) => {
      if (n > 1) byName.set(String(row.getCell(1).value), (row.values as unknown[]).slice(3));
    });
    // 幸福里: 李建国, 王芳, 赵磊; one lesson held with 2 of 3 present. 和平里 has held nothing.
    // Q1 as a whole: January and February were due too (1 of 8 held), not only March.
    // Nobody in the 发展党员 pipeline yet: zeros, not blanks.
    expect(byName.get("幸福里社区党支部")).toEqual([3, 1, 12.5, 66.7, 66.7, 0, 0, 0, 0]);
    expect(byName.get("和平里社区党支部")?.slice(0, 2)).toEqual([1, 0]);
    expect(byName.get("和平里社区党支部")?.[3]).toBeUndefined(); // no closed meeting: blank, not 0
    const meetings = workbook.getWorksheet("会议台账");
    expect(meetings?.getRow(2).values).toEqual([
      undefined,
      "幸福里社区党支部",
      "党课",
      "2026-03-05 15:00",
      "党员活动室",
      "学习党章",
      3,
      2,
      "已结束",
    ]);
  });

  test("keeps a branch secretary to their own branch: no committee-wide export", async () => {
    const dm = world.secretaryA.in({ platform: "console", id: "li-dm", kind: "private" });
    expect(joined(await dm.says(`/use ${world.committee}`))).toContain("权限");
    const [reply] = await dm.says("/export 季");
    expect(reply?.attachment?.filename).toBe("幸福里社区党支部-2026年第1季度-台账.xlsx");
  });
});

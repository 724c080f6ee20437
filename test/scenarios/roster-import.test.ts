import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { codeAfter, codeIn, joined } from "../support/replies.js";
import { makeRoster, type RosterLine, writeCsv, writeXlsx } from "../support/roster-fixtures.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";
import { buildWorld, type World } from "../support/world.js";

/** 500 members, of which lines 58, 201 and 437 of the file (header is line 1) are wrong. */
function rosterWithThreeBadRows(): RosterLine[] {
  const rows = makeRoster(500, ["第一党小组", "第二党小组", ""]);
  const at = (line: number) => rows[line - 2] as RosterLine;
  at(58).类别 = "积极分子";
  at(201).入党时间 = "2031-02-30";
  at(437).手机号 = "1380013";
  return rows;
}

describe("importing the roster secretaries already keep", () => {
  let bot: TestBot;
  let world: World;
  let dir: string;
  beforeEach(async () => {
    bot = await startTestBot();
    world = await buildWorld(bot);
    await world.secretaryA.says("/org_add 党小组 第一党小组");
    await world.secretaryA.says("/org_add 党小组 第二党小组");
    dir = mkdtempSync(path.join(tmpdir(), "roster-"));
  });
  afterEach(async () => {
    rmSync(dir, { recursive: true, force: true });
    await bot.close();
  });

  for (const format of ["csv", "xlsx"] as const) {
    it(`reports exactly the 3 bad rows of a 500-member ${format} roster and imports nothing`, async () => {
      const file = path.join(dir, `名册.${format}`);
      if (format === "csv") writeCsv(file, rosterWithThreeBadRows());
      else await writeXlsx(file, rosterWithThreeBadRows());
      const before = await bot.prisma.member.count();
      const answer = await world.secretaryA.says("/import", {
        attachment: { filename: `名册.${format}`, path: file },
      });
      const text = joined(answer);
      expect(answer[0]?.visibility).toBe("private");
      expect(text).toContain("名单有 3 行有误（共 500 行），未导入任何数据");
      const errorLines = [...text.matchAll(/第 (\d+) 行：/g)].map((m) => Number(m[1]));
      expect(errorLines).toEqual([58, 201, 437]);
      expect(text).toContain("第 58 行：类别应为「正式」或「预备」，而不是「积极分子」");
      expect(text).toContain("第 201 行：入党时间「2031-02-30」不是有效日期");
      expect(text).toContain("第 437 行：手机号「1380013」格式不对");
      expect(await bot.prisma.member.count()).toBe(before);
    });
  }

  it("imports only the good rows when asked, into the right groups, with phones stored whole", async () => {
    const file = path.join(dir, "名册.xlsx");
    await writeXlsx(file, rosterWithThreeBadRows());
    const text = joined(
      await world.secretaryA.says("/import good", { attachment: { filename: "名册.xlsx", path: file } }),
    );
    expect(text).toContain("已向「幸福里社区党支部」导入 497 名党员，跳过 3 行有误的数据");
    const branch = await bot.prisma.organization.findFirstOrThrow({ where: { name: "幸福里社区党支部" } });
    expect(await bot.prisma.member.count({ where: { organizationId: branch.id, personId: null } })).toBe(497);
    const first = await bot.prisma.member.findFirstOrThrow({
      where: { phone: "13910000000" },
      include: { group: true },
    });
    expect(first).toMatchObject({
      status: "full",
      joinedPartyOn: "1970-01-01",
      group: { name: "第一党小组" },
    });
    // Every tenth row is 预备党员; the bad line 201 was one of them.
    expect(
      await bot.prisma.member.count({ where: { status: "probationary", organizationId: branch.id } }),
    ).toBe(49);
  });

  it("refuses rows of people already on the roster when the file is imported again", async () => {
    const file = path.join(dir, "名册.csv");
    writeCsv(file, makeRoster(20, ["第一党小组"]));
    await world.secretaryA.says("/import", { attachment: { filename: "名册.csv", path: file } });
    const again = joined(
      await world.secretaryA.says("/import", { attachment: { filename: "名册.csv", path: file } }),
    );
    expect(again).toContain("名单有 20 行有误");
    expect(again).toContain("已在名单中");
  });

  it("explains a file without a name column, a missing file and an unsupported type", async () => {
    const noName = path.join(dir, "bad.csv");
    writeFileSync(noName, "名字,类别\n张三,正式\n");
    expect(
      joined(await world.secretaryA.says("/import", { attachment: { filename: "bad.csv", path: noName } })),
    ).toContain("找不到「姓名」列");
    expect(joined(await world.secretaryA.says("/import"))).toContain("请把名单文件");
    expect(
      joined(await world.secretaryA.says("/import", { attachment: { filename: "名册.doc", path: noName } })),
    ).toContain("不支持的文件类型");
  });

  it("refuses an empty file and a file that is no roster, writing nothing; takes English headers", async () => {
    const before = await bot.snapshot();
    const empty = path.join(dir, "empty.csv");
    writeFileSync(empty, "");
    const refusedEmpty = joined(
      await world.secretaryA.says("/import", { attachment: { filename: "名册.csv", path: empty } }),
    );
    expect(refusedEmpty).toContain("没有党员名单");
    expect(refusedEmpty).not.toContain("已导入");
    const minutes = path.join(dir, "minutes.csv");
    writeFileSync(minutes, "日期,议题,记录人\n2026-03-05,学习党章,李建国\n");
    const refusedOther = joined(
      await world.secretaryA.says("/import", { attachment: { filename: "会议.csv", path: minutes } }),
    );
    expect(refusedOther).toContain("不像党员名单");
    expect(refusedOther).toContain("姓名、类别（正式/预备）、入党时间、手机号、党小组");
    // Nothing was written, not even an audit row.
    expect(await bot.snapshot()).toEqual(before);

    const english = path.join(dir, "roster-en.csv");
    writeFileSync(
      english,
      "Name,Status,Joined,Phone\n孙丽,正式,2012-07-01,13800138111\n周强,预备,2025-06-30,13800138112\n",
    );
    expect(
      joined(
        await world.secretaryA.says("/import", { attachment: { filename: "roster.csv", path: english } }),
      ),
    ).toContain("导入 2 名党员");
  });

  it("keeps a roster's 预备 status on a bare /approve, so quorum counts only 正式 members", async () => {
    const file = path.join(dir, "名册.csv");
    const roster: RosterLine[] = [
      { 姓名: "王芳", 类别: "正式党员", 入党时间: "2001-07-01", 手机号: "13910000001", 党小组: "" },
      { 姓名: "张伟", 类别: "正式党员", 入党时间: "2005-07-01", 手机号: "13910000002", 党小组: "" },
      { 姓名: "刘洋", 类别: "预备党员", 入党时间: "2025-12-01", 手机号: "13910000003", 党小组: "" },
    ];
    writeCsv(file, roster);
    await world.secretaryA.says("/import", { attachment: { filename: "名册.csv", path: file } });
    const invite = codeAfter(await world.secretaryA.says("/invite 5 7"), "邀请码：");
    const liu = bot.user("liu-yang", "刘洋");
    const request = codeAfter(await liu.says(`/join ${invite} 刘洋`), "编号");
    const approved = joined(await world.secretaryA.says(`/approve ${request}`));
    expect(approved).toContain("刘洋（预备党员）");
    expect(approved).not.toContain("身份已由");
    expect(await bot.prisma.member.findFirstOrThrow({ where: { name: "刘洋" } })).toMatchObject({
      status: "probationary",
      personId: expect.any(String),
    });

    // Voting members: 李建国 (the secretary) and the two 正式 members; 刘洋 attends without a vote.
    bot.clock.set("2026-03-02T01:00:00Z");
    const meeting = codeIn(
      joined(await world.secretaryA.schedules("党员大会 3月10日 09:00 社区会议室 讨论发展党员")),
      "H",
    );
    bot.clock.set("2026-03-10T00:55:00Z");
    await world.secretaryA.says(`/checkin ${meeting}`);
    await liu.in(world.groupA).says(`/checkin ${meeting}`);
    await world.secretaryA.says(`/minutes ${meeting} 内容 讨论发展对象。`);
    bot.clock.set("2026-03-10T03:00:00Z");
    const closed = joined(await world.secretaryA.says(`/close_meeting ${meeting}`));
    expect(closed).toContain("应到 4 人，实到 2 人");
    expect(closed).toContain("有表决权人数：到会 1 / 应到 3，未超过半数，不能作出决定");
  });

  it("records an explicit status change on /approve as its own audited change", async () => {
    const file = path.join(dir, "名册.csv");
    writeCsv(file, [
      { 姓名: "刘洋", 类别: "预备党员", 入党时间: "2025-03-01", 手机号: "13910000003", 党小组: "" },
    ]);
    await world.secretaryA.says("/import", { attachment: { filename: "名册.csv", path: file } });
    const invite = codeAfter(await world.secretaryA.says("/invite 5 7"), "邀请码：");
    const request = codeAfter(await bot.user("liu-yang", "刘洋").says(`/join ${invite} 刘洋`), "编号");
    expect(joined(await world.secretaryA.says(`/approve ${request} 正式`))).toContain(
      "身份已由「预备党员」改为「正式党员」",
    );
    expect(await bot.prisma.auditEntry.count({ where: { action: "member.statusChange" } })).toBe(1);
  });

  it("does not let a member import a roster", async () => {
    const file = path.join(dir, "名册.csv");
    writeCsv(file, makeRoster(3, []));
    const member = bot.user("m-1", "党员甲");
    const text = joined(
      await member.in(world.groupA).says("/import", { attachment: { filename: "名册.csv", path: file } }),
    );
    expect(text).toContain("需要「支部书记」权限");
  });
});

// 发展党员 as a branch keeps it, on a fake clock over two and a half years: 王小明 from his
// application to 转正, every nudge on its day, and the refusals that protect the record — a
// 发展对象 decision before a full year of 培养, a 预备 introducer, an admission vote at a meeting
// without its quorum, a 转正 vote before the 预备期 ends — and an extended probation. 陈静 is
// admitted in the same meeting and stopped at 取消预备党员资格. The applicant sees only his own file.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startDevelopmentStory } from "../support/development-story.js";
import { codeAfter, codeIn, joined } from "../support/replies.js";
import { rowsOf, workbookOf } from "../support/workbooks.js";
import { enrol } from "../support/world.js";

const story = await startDevelopmentStory();
const { bot, world, secretary, zhang, liu, zhao, sun, applicant, codes } = story;
const { at, nudgesOn, nudgesTo, develop, stepsOf, generalMeeting } = story;

describe("member development from application to 转正", () => {
  afterAll(async () => {
    await bot.close();
  });

  it("opens a file on the application and hands the applicant a view code", async () => {
    expect(await develop("申请 小李 2008-06-01 2024-03-01")).toContain("年满十八岁才能递交入党申请书");
    const opened = await develop("申请 王小明 2001-06-15 2024-03-01");
    expect(opened).toContain("入党申请书 2024-03-01 收到。请在 2024-03-31 前派人谈话");
    codes.wang = codeIn(opened, "D");
    codes.claim = codeAfter([{ segments: [{ text: opened }] }], "查看码：");
    expect(codes.claim).toHaveLength(8);

    const own = joined(await applicant.says(`/dev_file ${codes.claim}`));
    expect(own).toContain("已关联你本人的发展党员档案");
    expect(own).toContain(`发展党员纪实 ${codes.wang}：王小明（入党申请人，幸福里社区党支部）`);
    expect(own).toContain("2024-03-01 递交入党申请书");
    // The code works once; after that /dev_file alone shows his own file.
    expect(joined(await zhang.says(`/dev_file ${codes.claim}`))).toContain("查看码不对");
    expect(joined(await applicant.says("/dev_file"))).toContain("王小明（入党申请人");
    // Nobody else sees it: not a member, not a passer-by.
    expect(joined(await zhang.says(`/dev_file ${codes.wang}`))).toContain("找不到编号");
    expect(joined(await bot.user("passer-by", "路人甲").says(`/dev_file ${codes.wang}`))).toContain(
      "找不到编号",
    );
    expect(joined(await applicant.says("/pipeline"))).toMatch(/权限/);
  });

  it("nudges the secretary a week before the talk is due and again when it is overdue", async () => {
    await nudgesOn("2024-03-23");
    expect(await nudgesTo(secretary)).toEqual([]);
    await nudgesOn("2024-03-24");
    expect(await nudgesTo(secretary)).toEqual([
      "【发展党员提醒】王小明（幸福里社区党支部）2024-03-01 递交入党申请书，应在 2024-03-31 前派人谈话。",
    ]);
    await nudgesOn("2024-03-25");
    await nudgesOn("2024-04-01");
    const nudges = await nudgesTo(secretary);
    expect(nudges).toHaveLength(2);
    expect(nudges[1]).toBe(
      "【已逾期】【发展党员提醒】王小明（幸福里社区党支部）2024-03-01 递交入党申请书，应在 2024-03-31 前派人谈话。",
    );
    // Nothing of it reaches the applicant or the group.
    expect(await nudgesTo(applicant)).toEqual([]);
    expect(joined(await bot.posts(world.groupA))).not.toContain("发展党员");
  });

  it("records the first steps in order, noting a late talk and refusing what comes too early", async () => {
    at("2024-04-02");
    expect(await develop(`${codes.wang} 积极分子`)).toContain(
      "要在「推荐入党积极分子（党员推荐、群团推优）」之后",
    );
    const talk = await develop(`${codes.wang} 谈话 2024-04-02 书记李建国谈话，了解入党动机`);
    expect(talk).toContain(`已记录 王小明（${codes.wang}）：2024-04-02 党组织派人谈话。`);
    expect(talk).toContain("注意：按规定「入党谈话」应在 2024-03-31 前完成，这次晚了。");
    expect(talk).toContain("下一步：推荐入党积极分子");
    at("2024-04-20");
    // Guided from the group: the next step is named and the answer comes in the private chat.
    const asked = joined(await secretary.in(world.groupA).says(`/develop ${codes.wang}`));
    expect(asked).toContain("王小明：下一步：推荐入党积极分子（党员推荐、群团推优）。");
    expect(joined(await secretary.says("推荐 2024-04-15 党员推荐"))).toContain(
      `已记录 王小明（${codes.wang}）：2024-04-15 推荐入党积极分子（党员推荐、群团推优）。`,
    );
    expect(await develop(`${codes.wang} 积极分子 2024-04-20`)).toContain("王小明 现为入党积极分子。");
    await develop(`${codes.wang} 积极分子备案 2024-04-20`);
    expect(await develop(`${codes.wang} 联系人 ${codes.zhang} ${codes.sun}`)).toContain(
      `孙丽（${codes.sun}）是预备党员，不能担任`,
    );
    expect(await develop(`${codes.wang} 联系人 ${codes.zhang}`)).toContain(`（张伟 ${codes.zhang}）`);

    // 陈静 applies in May and is an activist by its end.
    at("2024-05-06");
    codes.chen = codeIn(await develop("申请 陈静 1998-09-09 2024-05-06"), "D");
    const early: [string, string][] = [
      ["谈话", "2024-05-20"],
      ["推荐", "2024-05-25"],
      ["积极分子", "2024-05-30"],
      ["积极分子备案", "2024-05-30"],
      [`联系人 ${codes.liu}`, "2024-05-30"],
    ];
    for (const [step, day] of early) {
      at(day, "06:00");
      expect(await develop(`${codes.chen} ${step} ${day}`)).toContain("已记录 陈静");
    }
  });

  it("nudges the contact and the secretary when the half-yearly review is due", async () => {
    await nudgesOn("2024-10-19");
    expect(await nudgesTo(zhang)).toEqual([]);
    await nudgesOn("2024-10-20");
    const review =
      "【发展党员提醒】王小明（幸福里社区党支部）的半年一次培养考察 2024-10-20 到期，请写出书面考察意见。";
    expect(await nudgesTo(zhang)).toEqual([review]);
    expect(await nudgesTo(secretary)).toContain(review);
    at("2024-10-20", "06:00");
    await develop(`${codes.wang} 考察 今天 表现良好，按时参加学习`);
    // 陈静's contact hears of hers on its own day.
    await nudgesOn("2024-11-30");
    expect(await nudgesTo(liu)).toEqual([
      "【发展党员提醒】陈静（幸福里社区党支部）的半年一次培养考察 2024-11-30 到期，请写出书面考察意见。",
    ]);
    at("2024-11-30", "06:00");
    await develop(`${codes.chen} 考察 今天`);
  });

  it("refuses the 发展对象 decision before a full year of 培养, with the rule and the earliest day", async () => {
    at("2025-03-01");
    const before = await stepsOf(codes.wang);
    const refused = await develop(`${codes.wang} 发展对象 2025-03-01`);
    expect(refused).toContain(
      "按《中国共产党发展党员工作细则》，「支委会讨论确定发展对象」要在「支委会研究确定入党积极分子」（2024-04-20）满 12 个月之后，最早 2025-04-20。没有写入任何内容。",
    );
    expect(await stepsOf(codes.wang)).toBe(before);
    // The rule's figure is the committee's to tighten, and every branch below follows it.
    await world.admin.says(`/use ${world.committee}`);
    expect(joined(await world.admin.says("/set 积极分子培养月数 18"))).toContain("已设为 18");
    expect(await develop(`${codes.wang} 发展对象 2025-03-01`)).toContain("满 18 个月之后，最早 2025-10-20");
    await world.admin.says("/set 积极分子培养月数 12");
    await world.admin.says(`/use ${world.branchA}`);
    // /pipeline: the next step and when it may come.
    const pipeline = joined(await secretary.says("/pipeline"));
    expect(pipeline.split("\n")).toEqual([
      "「幸福里社区党支部」发展党员进度（2 人，逾期在前）",
      "入党申请人 0 人，入党积极分子 2 人，发展对象 0 人，预备党员 0 人",
      `${codes.wang} 王小明（入党积极分子）：下一步：支委会讨论确定发展对象（最早 2025-04-20）；培养考察 2025-04-20 到期`,
      `${codes.chen} 陈静（入党积极分子）：下一步：支委会讨论确定发展对象（最早 2025-05-30）；培养考察 2025-05-30 到期`,
    ]);
    // The committee sees every branch's, each line under its branch.
    await world.admin.says(`/use ${world.committee}`);
    const county = joined(await world.admin.says("/pipeline"));
    expect(county).toContain("「南湖街道党工委」发展党员进度（2 人，逾期在前）");
    expect(county).toContain(`【幸福里社区党支部】${codes.wang} 王小明（入党积极分子）`);
    // The committee's 台账 counts each branch's pipeline by stage.
    const [exported] = await world.admin.says("/export 季");
    const summary = rowsOf(await workbookOf(exported), "支部汇总").slice(1);
    const rows = new Map(summary.map((r) => [String(r[0]), r.slice(-4)]));
    expect(rows.get("幸福里社区党支部")).toEqual([0, 2, 0, 0]);
    expect(rows.get("和平里社区党支部")).toEqual([0, 0, 0, 0]);
    await world.admin.says(`/use ${world.branchA}`);
  });

  it("takes 陈静 and 王小明 to the vote, refusing a 预备 introducer and short training", async () => {
    at("2025-04-18", "06:00");
    await develop(`${codes.wang} 考察 2025-04-18`);
    await develop(`${codes.chen} 考察 2025-04-18`);
    at("2025-05-30", "06:00");
    for (const code of [codes.wang, codes.chen]) {
      expect(await develop(`${code} 发展对象 今天`)).toContain("现为发展对象");
      await develop(`${code} 发展对象备案 今天`);
    }
    const before = await stepsOf(codes.wang);
    expect(await develop(`${codes.wang} 介绍人 ${codes.liu} ${codes.sun}`)).toContain("是预备党员，不能担任");
    expect(await develop(`${codes.wang} 介绍人 ${codes.liu}`)).toContain("入党介绍人要写 2 名正式党员");
    // An introducer from another branch: not of this roll.
    const elsewhere = bot.user("he-ping", "何平");
    await world.admin.says(`/use ${world.branchB}`);
    const fromB = await enrol(world.admin, elsewhere);
    await world.admin.says(`/use ${world.branchA}`);
    expect(await develop(`${codes.wang} 介绍人 ${codes.liu} ${fromB}`)).toContain(
      `党员编号 ${fromB} 不是「幸福里社区党支部」在册的党员`,
    );
    expect(await stepsOf(codes.wang)).toBe(before);
    for (const code of [codes.wang, codes.chen]) {
      expect(await develop(`${code} 介绍人 ${codes.liu} ${codes.zhao}`)).toContain("已记录");
      await develop(`${code} 政审 今天 函调无问题`);
      expect(await develop(`${code} 培训 今天 2天`)).toContain("集中培训时间不少于 3 天或 24 学时");
      expect(await develop(`${code} 培训 今天 24学时 区委党校发展对象培训班`)).toContain("（24学时）");
    }
    // A file sent with a refused step (政审 is already recorded) is not kept.
    const certificate = path.join(mkdtempSync(path.join(tmpdir(), "dev-")), "结业证书.pdf");
    writeFileSync(certificate, "%PDF-1.4 王小明 发展对象培训班结业证书");
    await secretary.says(`/develop ${codes.wang} 政审 今天`, {
      attachment: { filename: "结业证书.pdf", path: certificate },
    });
    const withFile = joined(await secretary.says(`/dev_file ${codes.wang}`));
    expect(withFile).not.toContain("（附件：");
    // One sent with a step is kept with it, and only ever sent privately.
    const review = path.join(path.dirname(certificate), "考察意见.pdf");
    writeFileSync(review, "%PDF-1.4 陈静 考察意见");
    await secretary.says(`/develop ${codes.chen} 考察 今天 考察意见见附件`, {
      attachment: { filename: "考察意见.pdf", path: review },
    });
    expect(joined(await secretary.says(`/dev_file ${codes.chen}`))).toContain(
      "2025-05-30 培养教育考察（半年一次书面考察）：考察意见见附件（附件：考察意见.pdf）",
    );
    const [sent] = await secretary.in(world.groupA).says(`/dev_file ${codes.chen} 附件 1`);
    expect(sent?.visibility).toBe("private");
    expect(readFileSync(sent?.attachment?.path ?? "", "utf8")).toBe("%PDF-1.4 陈静 考察意见");
    expect(joined(await applicant.says(`/dev_file ${codes.chen} 附件 1`))).toContain("找不到编号");
    at("2025-07-01", "06:00");
    for (const code of [codes.wang, codes.chen]) {
      await develop(`${code} 支委会审查 今天`);
      // The 预审 is the committee's own act.
      expect(await develop(`${code} 预审 今天`)).toContain("由上级党委记录");
      expect(await develop(`${code} 预审 今天`, world.admin)).toContain("已记录");
    }
    at("2025-07-11", "06:00");
    for (const code of [codes.wang, codes.chen]) {
      await develop(`${code} 公示 今天 公示5个工作日`);
      await develop(`${code} 志愿书 今天`);
    }
  });

  it("refuses the admission vote of a meeting without its quorum and admits at one with it", async () => {
    const thin = await generalMeeting("2025-07-14", "2025-07-20", "讨论接收预备党员", [secretary]);
    at("2025-07-20", "04:00");
    const before = await stepsOf(codes.wang);
    expect(await develop(`${codes.wang} 接收表决 今天 ${thin} 赞成1`)).toContain(
      `会议 ${thin} 到会有表决权的党员 1 人，应到 4 人，未超过半数，不能进行表决。没有写入任何内容。`,
    );
    expect(await stepsOf(codes.wang)).toBe(before);

    const full = await generalMeeting("2025-07-21", "2025-07-25", "讨论接收预备党员", [
      secretary,
      zhang,
      liu,
      zhao,
      sun,
    ]);
    at("2025-07-25", "04:00");
    expect(await develop(`${codes.wang} 接收表决 今天 ${full}`)).toContain("请写明赞成票数");
    const admitted = await develop(`${codes.wang} 接收表决 今天 ${full} 赞成4`);
    expect(admitted).toContain("王小明 现为预备党员。");
    expect(admitted).toMatch(
      /王小明 已被接收为预备党员，已编入党员名册（编号 M[0-9A-Z]{5}，预备党员没有表决权），预备期至 2026-07-25/,
    );
    await develop(`${codes.chen} 接收表决 今天 ${full} 赞成4`);
    const roster = await bot.prisma.member.findMany({
      where: { name: { in: ["王小明", "陈静"] } },
      select: { name: true, status: true, joinedPartyOn: true, personId: true },
      orderBy: { name: "asc" },
    });
    expect(roster.map((m) => [m.name, m.status, m.joinedPartyOn])).toEqual([
      ["王小明", "probationary", "2025-07-25"],
      ["陈静", "probationary", "2025-07-25"],
    ]);
    // The half-year's 述职 says it.
    expect(joined(await secretary.says("/review"))).toContain(
      "七、发展党员：本期接收预备党员 2 人、转正 0 人；现有入党申请人 0 人、入党积极分子 0 人、发展对象 0 人、预备党员 2 人",
    );
    // 王小明 opened his file: his roster entry is his.
    expect(roster.find((m) => m.name === "王小明")?.personId).not.toBeNull();
  });

  it("nudges the committee when its approval is due, then the probation's milestones", async () => {
    at("2025-10-20", "06:00");
    await develop(`${codes.wang} 党委谈话 今天`, world.admin);
    await develop(`${codes.chen} 党委谈话 今天`, world.admin);
    await nudgesOn("2025-10-25");
    const approval =
      "【发展党员提醒】王小明（幸福里社区党支部）2025-07-25 经支部党员大会接收为预备党员，上级党委应在 2025-10-25 前审批。";
    expect(await nudgesTo(world.admin)).toContain(approval);
    expect(await nudgesTo(secretary)).toContain(approval);
    at("2025-10-28", "06:00");
    expect(await develop(`${codes.wang} 审批 今天`, world.admin)).toContain("这次晚了");
    await develop(`${codes.chen} 审批 今天`, world.admin);
    await develop(`${codes.wang} 宣誓 2025-11-01`);

    // Half a year after the approval, the 预备期 review: the introducers hear it too.
    await nudgesOn("2026-04-28");
    const review = "【发展党员提醒】预备党员 王小明（幸福里社区党支部）的预备期考察 2026-04-28 到期。";
    expect(await nudgesTo(liu)).toContain(review);
    expect(await nudgesTo(zhao)).toContain(review);
    at("2026-04-28", "06:00");
    await develop(`${codes.wang} 预备考察 今天 表现合格`);
  });

  it("cancels 陈静's probation and takes her off the roster", async () => {
    at("2026-05-10", "06:00");
    expect(await develop(`${codes.chen} 取消资格 今天`)).toContain("请写明取消预备党员资格的原因");
    const cancelled = await develop(`${codes.chen} 取消资格 今天 经支部党员大会讨论，不具备党员条件`);
    expect(cancelled).toContain("陈静 的预备党员资格已取消，已从党员名册移出。");
    expect(await bot.prisma.member.findFirst({ where: { name: "陈静" }, select: { state: true } })).toEqual({
      state: "cancelled",
    });
    expect(await develop(`${codes.chen} 预备考察 今天`)).toContain("现在是已取消预备党员资格");
  });

  it("extends 王小明's probation, asks for the 转正申请 30 days before it ends, and makes him 正式", async () => {
    at("2026-06-01", "06:00");
    expect(await develop(`${codes.wang} 延长预备期 今天 3个月`)).toContain("可以延长 6 个月到 1 年");
    expect(await develop(`${codes.wang} 延长预备期 今天 6个月 学习不够深入`)).toContain(
      "预备期延长至 2027-01-25",
    );
    await nudgesOn("2026-10-28");
    await develop(`${codes.wang} 预备考察 2026-10-28`);
    await nudgesOn("2026-12-25");
    expect((await nudgesTo(liu)).some((n) => n.includes("转正申请"))).toBe(false);
    await nudgesOn("2026-12-26");
    const ask =
      "【发展党员提醒】预备党员 王小明（幸福里社区党支部）的预备期 2027-01-25 期满，请提醒本人提出转正申请。";
    expect(await nudgesTo(secretary)).toContain(ask);
    expect(await nudgesTo(liu)).toContain(ask);
    at("2026-12-28", "06:00");
    await develop(`${codes.wang} 转正申请 今天`);

    const early = await generalMeeting("2027-01-10", "2027-01-20", "讨论预备党员转正", [
      secretary,
      zhang,
      liu,
      zhao,
    ]);
    at("2027-01-20", "04:00");
    expect(await develop(`${codes.wang} 转正表决 今天 ${early} 赞成4`)).toContain(
      "预备期到 2027-01-25 才满，转正要在预备期满后讨论",
    );
    const vote = await generalMeeting("2027-01-21", "2027-01-26", "讨论预备党员转正", [
      secretary,
      zhang,
      liu,
      zhao,
      applicant,
    ]);
    // 王小明 came, but as a 预备党员 he is not among the voters: still 4 expected.
    const attendees = await bot.prisma.meetingAttendee.findMany({
      where: { meeting: { code: vote }, voting: true },
      select: { name: true },
    });
    expect(attendees.map((a) => a.name).sort()).toEqual(["刘洋", "张伟", "李建国", "赵敏"].sort());
    at("2027-01-26", "04:00");
    await develop(`${codes.wang} 转正表决 今天 ${vote} 赞成4`);
    at("2027-02-10", "06:00");
    expect(await develop(`${codes.wang} 转正 今天`)).toContain("由上级党委记录");
    const full = await develop(`${codes.wang} 转正 今天`, world.admin);
    expect(full).toContain("王小明 现为正式党员。");
    expect(full).toContain("王小明 已转为正式党员，党员名册已同步。");
    const wang = await bot.prisma.member.findFirst({ where: { name: "王小明" }, select: { status: true } });
    expect(wang?.status).toBe("full");
    await develop(`${codes.wang} 归档 今天`);
    expect(joined(await secretary.says("/pipeline"))).toContain("目前没有发展党员档案");
    // His own file, as he sees it: every step, in order.
    const own = joined(await applicant.says("/dev_file"));
    expect(own).toContain("王小明（正式党员，幸福里社区党支部）");
    expect(own).toContain("2026-06-01 延长预备期（6 个月）：学习不够深入");
    expect(own).toContain(`2025-05-30 确定入党介绍人（刘洋 ${codes.liu}、赵敏 ${codes.zhao}）`);
    expect(own).toContain("2027-02-10 材料归档");
    expect(own).toContain("各步骤已完成。");

    // The 发展党员工作台账 and his 纪实表, as the secretary files them.
    const [sheet] = await secretary.says("/pipeline 导出");
    expect(sheet?.visibility).toBe("private");
    const ledger = rowsOf(await workbookOf(sheet), "发展党员工作台账");
    expect(ledger[0]?.slice(0, 6)).toEqual(["支部", "档案编号", "姓名", "出生日期", "阶段", "递交申请"]);
    expect(ledger[1]).toEqual([
      "幸福里社区党支部",
      codes.wang,
      "王小明",
      "2001-06-15",
      "正式党员",
      "2024-03-01",
      "2024-04-20",
      "张伟",
      "2025-05-30",
      "刘洋、赵敏",
      "24学时",
      "2025-07-25",
      "2027-01-25",
      "2027-02-10",
    ]);
    expect(ledger[2]?.slice(1, 5)).toEqual([codes.chen, "陈静", "1998-09-09", "已取消预备党员资格"]);

    const [record] = await secretary.says(`/dev_file ${codes.wang} 导出`);
    expect(record?.attachment?.filename).toBe("王小明-发展党员纪实表.xlsx");
    const steps = rowsOf(await workbookOf(record), "发展党员纪实表")
      .slice(1)
      .map((r) => r.slice(1, 5));
    expect(steps[0]).toEqual(["一、申请入党", "递交入党申请书", "2024-03-01", "李建国"]);
    expect(steps.find((r) => r[1] === "支部党员大会讨论接收预备党员")).toEqual([
      "四、预备党员的接收",
      "支部党员大会讨论接收预备党员",
      "2025-07-25",
      "李建国",
    ]);
    expect(steps.find((r) => r[1] === "上级党委审批转正")?.slice(2)).toEqual(["2027-02-10", "周明"]);
    expect(steps.filter((r) => r[1] === "预备期教育考察").map((r) => r[2])).toEqual([
      "2026-04-28",
      "2026-10-28",
    ]);
    // Someone else's file cannot be exported by the applicant.
    expect(joined(await applicant.says(`/dev_file ${codes.chen} 导出`))).toContain("找不到编号");
  });
});

import ExcelJS from "exceljs";
import { describe, expect } from "vitest";
import { test } from "../support/fixture.js";
import { joined, notJoinNotice } from "../support/replies.js";
import { holdClosedMeeting, testScheduler } from "../support/scheduling.js";
import type { TestBot, TestUser } from "../support/test-bot.js";
import { enrol, type World } from "../support/world.js";

const dm = (who: TestUser) => ({
  platform: "console" as const,
  id: `user:${who.id}`,
  kind: "private" as const,
});

describe("party dues", () => {
  let bot: TestBot;
  let world: World;
  let wang: TestUser;
  let gu: TestUser;
  let wangCode: string;
  let liCode: string;

  test.override({ startAt: "2026-01-05T01:00:00Z" });
  test.beforeEach(async ({ bot: started, world: built }) => {
    bot = started;
    world = built;
    wang = bot.user("wang-fang", "王芳");
    gu = bot.user("gu-li", "顾丽");
    wangCode = await enrol(world.secretaryA, wang);
    await enrol(world.secretaryA, gu);
    liCode = world.memberCodes.get("li-jianguo") ?? "";
    expect(joined(await world.secretaryA.says("/dues_set 全体 20"))).toContain(
      "已为 3 人设置党费标准：每月 20 元",
    );
  });

  test("flags six months of unpaid dues even for a member who attends every meeting, with the reason", async () => {
    for (const month of [1, 2, 3, 4, 5, 6]) {
      const mm = String(month).padStart(2, "0");
      await holdClosedMeeting(bot, world.secretaryA, {
        schedule: `主题党日 ${month}月15日 09:00 党员活动室 ${month}月主题党日`,
        scheduledAt: `2026-${mm}-06T01:00:00Z`,
        checkInAt: `2026-${mm}-15T00:55:00Z`,
        closeAt: `2026-${mm}-15T03:00:00Z`,
        came: [world.secretaryA, wang, gu],
        where: world.groupA,
      });
      // 顾丽 attends but never pays; the others pay every month.
      expect(joined(await world.secretaryA.says(`/dues_paid ${liCode} ${wangCode}`))).toContain(
        `已登记 2026-${mm} 党费 2 人`,
      );
    }
    bot.clock.set("2026-07-10T02:00:00Z");
    const warnings = joined(await world.secretaryA.says("/warnings"));
    expect(warnings).toContain(
      "🔴 红色预警：顾丽 已连续 6 个月未交党费（2026年1月至2026年6月）（已满六个月：属党章规定的视为自行脱党情形之一",
    );
    expect(warnings).not.toContain("顾丽 已连续".concat(" 6 个月未参加"));
    expect(warnings).not.toContain("王芳");

    expect(joined(await gu.says("/my_dues"))).toBe(
      "您的党费：每月 20 元，本年已交 0 个月，欠交 6 个月（2026-01、2026-02、2026-03、2026-04、2026-05、2026-06）。",
    );
    expect(joined(await wang.says("/my_dues"))).toBe("您的党费：每月 20 元，本年已交 6 个月，没有欠交。");
    expect(joined(await world.secretaryA.says("/dues"))).toContain("顾丽：欠交 6 个月");
    // A member sees only their own record.
    expect(joined(await wang.says("/dues"))).toContain("权限");
    expect(joined(await wang.says("/my_dues"))).not.toContain("顾丽");
    // The 台账 carries the dues and both reasons of warning.
    const [exported] = await world.secretaryA.says("/export 年");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(exported?.attachment?.path ?? "");
    const rows: unknown[][] = [];
    workbook.getWorksheet("党费")?.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows[0]).toEqual(["姓名", "每月（元）", "本年已交（月）", "欠交（月）", "欠交月份"]);
    expect(rows).toContainEqual(["顾丽", 20, 0, 6, "2026-01、2026-02、2026-03、2026-04、2026-05、2026-06"]);
    expect(rows).toContainEqual(["王芳", 20, 6, 0]); // nothing owed: the cell is left empty
    const warned: unknown[][] = [];
    workbook.getWorksheet("预警")?.eachRow((row) => {
      warned.push((row.values as unknown[]).slice(1));
    });
    expect(warned).toContainEqual(["顾丽", "未交党费", "🔴 红色预警", 6]);
  });

  test("records the dues of everyone present at the theme day at once, and reminds the others on the 20th", async () => {
    const code = await holdClosedMeeting(bot, world.secretaryA, {
      schedule: "主题党日 1月15日 09:00 党员活动室 交纳党费",
      scheduledAt: "2026-01-06T01:00:00Z",
      checkInAt: "2026-01-15T00:55:00Z",
      closeAt: "2026-01-15T03:00:00Z",
      came: [world.secretaryA, wang],
      where: world.groupA,
    });
    expect(joined(await world.secretaryA.says(`/dues_paid ${code}`))).toContain(
      "已登记 2026-01 党费 2 人：李建国、王芳",
    );
    expect(joined(await world.secretaryA.says(`/dues_paid ${code} 2026-01`))).toContain(
      "此前已登记：李建国、王芳",
    );
    expect(joined(await wang.says(`/dues_paid ${wangCode}`))).toContain("权限");

    const scheduler = testScheduler(bot, "t");
    bot.clock.set("2026-01-20T00:58:00Z");
    await scheduler.tick();
    bot.clock.set("2026-01-20T01:02:00Z");
    await scheduler.tick();
    await scheduler.stop();
    expect((await bot.posts(dm(gu))).map((r) => joined([r])).filter(notJoinNotice)).toEqual([
      "提醒：您 2026-01 的党费（20 元）尚未登记交纳。请按时交纳。",
    ]);
    expect((await bot.posts(dm(wang))).map((r) => joined([r])).filter(notJoinNotice)).toHaveLength(0);
  });
});

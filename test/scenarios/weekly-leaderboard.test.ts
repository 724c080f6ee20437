import { readFileSync } from "node:fs";
import { loadImage } from "@napi-rs/canvas";
import { describe, expect } from "vitest";
import { test } from "../support/fixture.js";
import { joined } from "../support/replies.js";
import { testScheduler } from "../support/scheduling.js";
import type { TestBot, TestUser } from "../support/test-bot.js";
import { enrol, type World } from "../support/world.js";

describe("the weekly leaderboard", () => {
  let bot: TestBot;
  let world: World;
  let people: TestUser[];

  test.override({ startAt: "2026-03-01T01:00:00Z" });
  test.beforeEach(async ({ bot: started, world: built }) => {
    bot = started;
    world = built;
    people = [bot.user("gu-li", "顾丽"), bot.user("shen-tao", "沈涛"), bot.user("lu-yan", "陆燕")];
    for (const who of people) await enrol(world.secretaryA, who);
    // Two closed meetings in March: 顾丽 at both, 沈涛 at one, 陆燕 at none.
    for (const [day, came] of [
      [3, [world.secretaryA, people[0], people[1]]],
      [5, [world.secretaryA, people[0]]],
    ] as const) {
      bot.clock.set(`2026-03-0${day - 1}T01:00:00Z`);
      const code = joined(
        await world.secretaryA.schedules(`党课 3月${day}日 15:00 党员活动室 专题学习${day}`),
      ).match(/\b(H[0-9A-Z]{4})\b/)?.[1];
      bot.clock.set(`2026-03-0${day}T06:55:00Z`);
      for (const who of came) await who?.in(world.groupA).says(`/checkin ${code}`);
      await world.secretaryA.says(`/minutes ${code} 内容 学习。`);
      bot.clock.set(`2026-03-0${day}T09:00:00Z`);
      await world.secretaryA.says(`/close_meeting ${code}`);
    }
  });

  test("posts the branch board on Monday morning, top only, and answers each member's own rank privately", async () => {
    const scheduler = testScheduler(bot, "t");
    bot.clock.set("2026-03-09T00:58:00Z"); // Monday 08:58 in Shanghai
    await scheduler.tick();
    bot.clock.set("2026-03-09T01:02:00Z");
    await scheduler.tick();
    const board = (await bot.posts(world.groupA))
      .map((r) => joined([r]))
      .filter((t) => t.includes("每周榜单"));
    expect(board).toHaveLength(1);
    expect(board[0]).toContain("【每周榜单】幸福里社区党支部 · 2026年第11周");
    expect(board[0]).toContain("本年出勤率：63%"); // 5 of 8 expected attendances
    expect(board[0]).toContain("三会一课完成率：20%"); // of 5 required this period, the lesson is held
    expect(board[0]).toContain("1. 李建国 5 分"); // party lessons capped at 5 a year
    expect(board[0]).toContain("1. 顾丽 5 分");
    expect(board[0]).not.toContain("陆燕");
    // The post carries the same board as a picture.
    const post = (await bot.posts(world.groupA)).find((r) => joined([r]).includes("每周榜单"));
    expect(post?.attachment?.kind).toBe("image");
    const card = await loadImage(readFileSync(post?.attachment?.path ?? ""));
    expect([card.width, card.height]).toEqual([800, 360]);
    const mine = await people[2]?.says("/rank");
    expect(mine?.[0]?.visibility).toBe("private");
    expect(joined(mine ?? [])).toContain("您今年的积分：0 分，在「幸福里社区党支部」4 人中排第 4 名");
    await scheduler.stop();
  });

  test("draws the charts on request: the card for members, the trend for the branch committee, the overview for the committee", async () => {
    bot.clock.set("2026-03-10T02:00:00Z");
    const card = await people[0]?.in(world.groupA).says("/chart 积分");
    expect(card?.[0]?.attachment).toMatchObject({ kind: "image" });
    expect(card?.[0]?.attachment?.filename).toMatch(/^leaderboard-[0-9a-f]+\.png$/);
    expect(joined(card ?? [])).toContain("1. 顾丽 5 分");
    expect(joined(card ?? [])).not.toContain("陆燕");

    const refused = await people[0]?.in(world.groupA).says("/chart 出勤");
    expect(refused?.[0]?.attachment).toBeUndefined();
    expect(joined(refused ?? [])).toContain("权限");
    const trend = await world.secretaryA.in(world.groupA).says("/chart 出勤");
    expect(trend?.[0]?.attachment?.kind).toBe("image");
    const trendText = joined(trend ?? []);
    expect(trendText).toContain("幸福里社区党支部 · 近6个月出勤率");
    expect(trendText).toContain("2025年10月：—");
    expect(trendText).toContain("2026年3月：63%");
    const image = await loadImage(readFileSync(trend?.[0]?.attachment?.path ?? ""));
    expect([image.width, image.height]).toEqual([800, 450]);

    // In a branch the overview is not available; in the committee it ranks both branches.
    expect(joined(await world.secretaryA.in(world.groupA).says("/chart 达标"))).toContain("党委");
    const admin = world.admin.in({ platform: "console", id: "admin-dm", kind: "private" });
    await admin.says(`/use ${world.committee}`);
    const overview = await admin.says("/chart");
    expect(overview[0]?.attachment?.kind).toBe("image");
    expect(joined(overview)).toContain("【支部排行】南湖街道党工委");
    expect(joined(overview)).toContain("幸福里社区党支部");
    expect(joined(overview)).toContain("和平里社区党支部");
  });

  test("goes through every branch once, a page at a time, whatever the page size", async () => {
    const now = bot.clock.now();
    for (const size of [1, 2, 500]) {
      const seen: string[] = [];
      await bot.app.services.read(async (s) => {
        const index = await s.leaderboard.index();
        for await (const page of s.leaderboard.allBoards(now, index, size)) {
          expect(page.length).toBeLessThanOrEqual(size);
          seen.push(...page.map((b) => b.branch.name));
        }
      });
      expect(seen.sort()).toEqual(["和平里社区党支部", "幸福里社区党支部"].sort());
    }
  });
});

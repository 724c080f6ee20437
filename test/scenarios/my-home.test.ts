// /home as a member keeps it: each coming meeting shows what they already answered in place of
// the button that gave it, so nothing on the page invites them to say it twice.
import { describe, expect } from "vitest";
import { test } from "../support/fixture.js";
import { codeIn, joined } from "../support/replies.js";
import { enrol } from "../support/world.js";

describe("my own page and my meetings", () => {
  test.override({ startAt: "2026-03-02T01:00:00Z" });

  test("shows 已报名 and 已请假 instead of 参加 and 请假 for meetings already answered", async ({
    bot,
    world,
  }) => {
    const wang = bot.user("wang-fang", "王芳");
    await enrol(world.secretaryA, wang);
    const lesson = codeIn(
      joined(await world.secretaryA.schedules("党课 3月5日 15:00 党员活动室 学习党章")),
      "H",
    );
    const general = codeIn(
      joined(await world.secretaryA.schedules("支部党员大会 3月12日 19:30 党员活动室 学习二十大精神")),
      "H",
    );
    const third = codeIn(
      joined(await world.secretaryA.schedules("主题党日 3月20日 09:00 社区广场 清扫楼道")),
      "H",
    );
    await wang.says(`/attend ${lesson}`);
    await wang.says(`/leave ${general} 出差`);

    const page = await wang.says("/home");
    const card = (code: string) => page.find((r) => joined([r]).includes(code));
    const labels = (code: string) =>
      card(code)
        ?.buttons?.flat()
        .map((b) => b.label) ?? [];
    expect(joined([card(lesson) ?? { segments: [] }])).toContain("✓ 已报名参加");
    expect(labels(lesson)).toEqual(["请假"]);
    expect(joined([card(general) ?? { segments: [] }])).toContain("✓ 已请假（待审批）");
    expect(labels(general)).toEqual(["参加"]);
    expect(joined([card(third) ?? { segments: [] }])).not.toContain("✓");
    expect(labels(third)).toEqual(["参加", "请假"]);

    // Checked in on the day: nothing left to press.
    bot.clock.set("2026-03-05T06:55:00Z");
    await wang.says(`/checkin ${lesson}`);
    const after = await wang.says("/home");
    const checkedIn = after.find((r) => joined([r]).includes(lesson));
    expect(joined([checkedIn ?? { segments: [] }])).toContain("✓ 已签到");
    expect(checkedIn?.buttons).toBeUndefined();
  });
  test("lists a meeting under way in /meetings until it is closed", async ({ bot, world }) => {
    const lesson = codeIn(
      joined(await world.secretaryA.schedules("党课 3月5日 15:00 党员活动室 学习党章")),
      "H",
    );
    bot.clock.set("2026-03-05T07:40:00Z"); // 15:40 in Shanghai, forty minutes in
    const during = joined(await world.secretaryA.says("/meetings"));
    expect(during).toContain(`2026-03-05 15:00（周四）（进行中） 【党课】学习党章 · 党员活动室 · ${lesson}`);
    await world.secretaryA.says(`/checkin ${lesson}`);
    await world.secretaryA.says(`/minutes ${lesson} 内容 学习党章总纲。`);
    await world.secretaryA.says(`/close_meeting ${lesson}`);
    expect(joined(await world.secretaryA.says("/meetings"))).not.toContain(lesson);
  });
  test("words the lists in English with English punctuation for a member who chose English", async ({
    bot,
    world,
  }) => {
    const amy = bot.user("amy-chen", "陈艾米");
    await enrol(world.secretaryA, amy);
    await amy.says("/lang en");
    await world.secretaryA.schedules("党课 3月5日 15:00 党员活动室 学习党章");
    for (const command of ["/meetings", "/home", "/profile"]) {
      const text = joined(await amy.says(command));
      expect(text, command).not.toMatch(/[【】（）]/);
    }
    expect(joined(await amy.says("/meetings"))).toMatch(
      /2026-03-05 15:00 \(\w+\) \[[^\]]+\] 学习党章 · 党员活动室/,
    );
  });
});

// Two committee members record the same step of one 发展党员 file at the same moment (two phones,
// one meeting's worth of notes): the step is written once and the second hears it already was.
import { describe, expect } from "vitest";
import { test } from "../support/fixture.js";
import { codeIn, joined } from "../support/replies.js";

describe("a development step recorded twice at once", () => {
  test.override({ startAt: "2024-03-01T01:00:00Z" });

  test("writes a step that happens once a single time, and tells the second sender it was recorded", async ({
    bot,
    world,
  }) => {
    const opened = joined(await world.secretaryA.says("/develop 申请 王小明 2001-06-15 2024-03-01"));
    const code = codeIn(opened, "D");
    bot.clock.set("2024-03-10T01:00:00Z");

    const line = `/develop ${code} 谈话 2024-03-10 书记李建国谈话，了解入党动机`;
    const answers = (
      await Promise.all([
        world.secretaryA.says(line, { updateId: "phone-1" }),
        world.secretaryA.says(line, { updateId: "phone-2" }),
        world.secretaryA.says(line, { updateId: "phone-3" }),
      ])
    ).map(joined);

    expect(
      answers.filter((a) => a.includes(`已记录 王小明（${code}）：2024-03-10 党组织派人谈话。`)),
    ).toHaveLength(1);
    expect(answers.filter((a) => a.includes("「党组织派人谈话」已经记录过（2024-03-10）"))).toHaveLength(2);
    const steps = await bot.prisma.developmentStep.findMany({
      where: { record: { code } },
      select: { step: true },
    });
    expect(steps.map((s) => s.step).sort()).toEqual(["application", "talk"]);
    expect(await bot.prisma.auditEntry.count({ where: { action: "development.talk" } })).toBe(1);
  });
});

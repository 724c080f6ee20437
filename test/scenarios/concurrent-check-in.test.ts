import { describe, expect } from "vitest";
import { addLinkedMembers } from "../support/bulk-members.js";
import { test } from "../support/fixture.js";
import { joined } from "../support/replies.js";

describe("200 members checking in at the same moment", () => {
  test.override({ startAt: "2026-03-02T01:00:00Z" });

  test("records 200 check-ins, none twice, and the announcement ends at 200", async ({ bot, world }) => {
    const branch = await bot.prisma.organization.findFirstOrThrow({ where: { name: "幸福里社区党支部" } });
    const members = await addLinkedMembers(bot, branch.id, 200);
    const scheduled = joined(
      await world.secretaryA.schedules("党员大会 3月10日 19:30 社区礼堂 年度民主评议"),
    );
    const code = scheduled.match(/\b(H[0-9A-Z]{4})\b/)?.[1] ?? "";
    bot.clock.set("2026-03-10T11:20:00Z");

    // Everyone taps 签到 at once, and a few tap twice.
    const taps = [...members, ...members.slice(0, 20)].map((m) =>
      m.in(world.groupA).says(`/checkin ${code}`),
    );
    const answers = (await Promise.all(taps)).map(joined);
    expect(answers.filter((a) => a.includes("签到成功"))).toHaveLength(200);
    expect(answers.filter((a) => a.includes("已经签到过了"))).toHaveLength(20);

    const meeting = await bot.prisma.meeting.findUniqueOrThrow({ where: { code } });
    expect(await bot.prisma.checkIn.count({ where: { meetingId: meeting.id } })).toBe(200);
    // One announcement waits to be posted, however many changes it went through, and it shows
    // every check-in.
    expect(await bot.prisma.outboxMessage.count({ where: { replaceKey: `meeting:${meeting.id}` } })).toBe(1);
    expect(joined(await bot.posts(world.groupA))).toContain("已签到 200");
    // The secretary (who has not checked in) is the only one the ledger still expects.
    expect(joined(await world.secretaryA.says(`/not_checked_in ${code}`))).toContain(
      "尚未签到（1 人）：李建国",
    );
  });

  test("answers a check-in delivered three times once, records it once, and refuses one after the close", async ({
    bot,
    world,
  }) => {
    const branch = await bot.prisma.organization.findFirstOrThrow({ where: { name: "幸福里社区党支部" } });
    const [zhou, wu] = await addLinkedMembers(bot, branch.id, 2);
    if (!zhou || !wu) throw new Error("no members");
    const scheduled = joined(await world.secretaryA.schedules("党课 3月10日 19:30 社区礼堂 党史学习"));
    const code = scheduled.match(/\b(H[0-9A-Z]{4})\b/)?.[1] ?? "";
    bot.clock.set("2026-03-10T11:20:00Z");

    // The platform redelivers the same tap (same update id) while the first is still running.
    const deliveries = await Promise.all(
      [1, 2, 3].map(() => zhou.in(world.groupA).says(`/checkin ${code}`, { updateId: "check-in-42" })),
    );
    // Exactly one answer. Which delivery answers is a race: the one that inserted the row, or
    // (on PostgreSQL, where the update is recorded after the write) one that found it there.
    const answered = deliveries.filter((d) => d.length > 0).map(joined);
    expect(answered).toHaveLength(1);
    expect(answered[0]).toMatch(/签到成功|已经签到过了（19:20）/);
    const meeting = await bot.prisma.meeting.findUniqueOrThrow({ where: { code } });
    expect(await bot.prisma.checkIn.count({ where: { meetingId: meeting.id } })).toBe(1);
    expect(await zhou.in(world.groupA).says(`/checkin ${code}`, { updateId: "check-in-42" })).toEqual([]);

    // Closed while 吴 was on the way: the late tap is refused and the frozen ledger stays as it was.
    await world.secretaryA.says(`/minutes ${code} 内容 学习党史。`);
    bot.clock.set("2026-03-10T12:30:00Z");
    await world.secretaryA.says(`/close_meeting ${code}`);
    expect(joined(await wu.in(world.groupA).says(`/checkin ${code}`))).not.toContain("签到成功");
    expect(await bot.prisma.checkIn.count({ where: { meetingId: meeting.id } })).toBe(1);
  });
});

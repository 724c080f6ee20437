// One conversation — bootstrap, organisation, joining, binding, a meeting, check-ins, minutes,
// closing, a monthly series with one meeting moved and one cancelled — through the console, Telegram and Slack adapters ends in the same database state.
import { describe, expect, it } from "vitest";
import { consoleDriver, type Driver, slackDriver, telegramDriver } from "../support/platform-drivers.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const codeAfter = (text: string, label: string) => {
  const code = text.match(new RegExp(`${label}[：:\\s]*([0-9A-Z]{4,8})`))?.[1];
  if (!code) throw new Error(`no code after ${label} in: ${text}`);
  return code;
};

async function conversation(bot: TestBot, d: Driver): Promise<void> {
  await d.says(0, `/bootstrap ${bot.app.bootstrapCode}`, "private");
  const committee = codeAfter(await d.says(0, "/org_add 党委 南湖街道党工委", "private"), "代码");
  const branch = codeAfter(
    await d.says(0, `/org_add 党支部 幸福里社区党支部 ${committee}`, "private"),
    "代码",
  );
  await d.says(0, `/use ${branch}`, "private");
  const invite = codeAfter(await d.says(0, "/invite 5", "private"), "邀请码：");
  const request = codeAfter(await d.says(1, `/join ${invite} 李建国`, "private"), "编号");
  const secretary = codeAfter(await d.says(0, `/approve ${request} 正式 1998-07-01`, "private"), "党员编号");
  await d.says(0, `/role grant ${secretary} 书记`, "private");
  const bind = codeAfter(await d.says(1, "/bind_code", "private"), "绑定码：");
  expect(await d.says(1, `/bind ${bind}`, "group")).toContain("本群已绑定");
  const request2 = codeAfter(await d.says(2, `/join ${invite} 王芳`, "private"), "编号");
  await d.says(1, `/approve ${request2} 预备 2025-12-01`, "private");
  const card = await d.says(1, "/schedule 党课 3月5日 15:00 党员活动室 学习党章", "group");
  expect(card).toContain("请确认会议安排");
  expect(card).toContain("时间：2026-03-05 15:00（周四）");
  const scheduled = await d.presses(1, "确认", "group");
  const meeting = scheduled.match(/\b(H[0-9A-Z]{4})\b/)?.[1] ?? "";
  await d.says(2, `/attend ${meeting}`, "group");
  bot.clock.set("2026-03-05T06:50:00Z");
  await d.says(2, `/checkin ${meeting}`, "group");
  bot.clock.set("2026-03-05T07:05:00Z");
  await d.says(1, `/checkin ${meeting}`, "group");
  await d.says(1, `/minutes ${meeting} 内容 学习党章总纲`, "private");
  bot.clock.set("2026-03-05T09:00:00Z");
  expect(await d.says(1, `/close_meeting ${meeting}`, "private")).toContain("台账已封存");

  // A monthly series: confirmed on its card, one meeting moved, one cancelled, one attended, then
  // the series changed as a whole.
  const rule = await d.says(1, "/schedule 每月10日下午3点 党课 党员活动室 学习党的二十大报告", "group");
  expect(rule).toContain("重复：每月10日 15:00");
  const made = await d.presses(1, "确认", "group");
  expect(made).toContain("共 3 次");
  const [march = "", april = "", may = ""] = [...made.matchAll(/\b(H[0-9A-Z]{4})\b/g)].map((m) => m[1]);
  expect(await d.says(1, `/edit_meeting ${april} 时间 4月11日下午3点`, "private")).toContain("已修改会议");
  expect(await d.says(1, `/cancel_meeting ${may} 劳动节调休`, "private")).toContain("已取消");
  bot.clock.set("2026-03-10T06:55:00Z");
  await d.says(2, `/checkin ${march}`, "group");
  const series = (await d.says(1, "/series", "private")).match(/\b(S[0-9A-Z]{4})\b/)?.[1] ?? "";
  // March's meeting (at 15:00 today) and April's, moved, are still to come.
  expect(await d.says(1, `/edit_series ${series} 地点 社区礼堂`, "private")).toContain("今后 2 次会议");
}

/** The state that matters, without ids, random codes or platform account ids. */
async function state(bot: TestBot) {
  const p = bot.prisma;
  const sort = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
  return {
    orgs: sort(await p.organization.findMany({ select: { kind: true, name: true, settings: true } })),
    people: sort(await p.person.findMany({ select: { displayName: true, locale: true } })),
    members: sort(
      await p.member.findMany({ select: { name: true, status: true, state: true, joinedPartyOn: true } }),
    ),
    roles: sort(
      await p.roleAssignment.findMany({ select: { role: true, organization: { select: { name: true } } } }),
    ),
    chats: await p.chat.count({ where: { organizationId: { not: null } } }),
    meetings: sort(
      await p.meeting.findMany({
        select: { type: true, topic: true, startsAt: true, place: true, status: true, content: true },
      }),
    ),
    series: sort(
      await p.meetingSeries.findMany({ select: { rule: true, time: true, place: true, status: true } }),
    ),
    occurrences: sort(
      await p.meeting.findMany({
        where: { seriesId: { not: null } },
        select: { occurrenceAt: true, startsAt: true, place: true, status: true },
      }),
    ),
    responses: await p.meetingResponse.count(),
    checkIns: sort(await p.checkIn.findMany({ select: { late: true, at: true } })),
    ledger: sort(
      await p.meetingAttendee.findMany({ select: { name: true, voting: true, outcome: true, reason: true } }),
    ),
  };
}

describe("the same conversation on every platform", () => {
  it("ends in identical database state through the console, Telegram and Slack", async () => {
    const results = [];
    for (const make of [consoleDriver, telegramDriver, slackDriver] as const) {
      const bot = await startTestBot();
      bot.clock.set("2026-03-02T01:00:00Z");
      const driver = await make(bot);
      try {
        await conversation(bot, driver);
        results.push(await state(bot));
      } finally {
        await driver.stop();
        await bot.close();
      }
    }
    const [viaConsole, viaTelegram, viaSlack] = results;
    expect(viaConsole?.ledger).toHaveLength(2);
    expect(viaConsole?.occurrences).toHaveLength(3);
    expect(viaConsole?.checkIns).toHaveLength(3);
    expect(viaTelegram).toEqual(viaConsole);
    expect(viaSlack).toEqual(viaConsole);
  });
});

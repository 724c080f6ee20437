// Meetings in a member's phone calendar: /calendar gives a private subscription URL that the
// bot's own HTTP server answers with iCalendar, read back here by node-ical as a calendar app
// would. Moved meetings move (SEQUENCE grows), cancelled ones say so, a reset link stops working,
// and nobody sees another branch's meetings.
import ical, { type VEvent } from "node-ical";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CALENDAR_PREFIX, calendarRoute } from "../../src/http/calendar-route.js";
import { type HttpServer, startHttpServer } from "../../src/http/health-server.js";
import { codeIn, joined } from "../support/replies.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";
import { buildQuietWorld, enrol, type World } from "../support/world.js";

describe("calendar subscriptions", () => {
  let bot: TestBot;
  let world: World;
  let http: HttpServer;
  beforeEach(async () => {
    bot = await startTestBot();
    bot.clock.set("2026-03-02T01:00:00Z"); // Monday 09:00 in Shanghai
    world = await buildQuietWorld(bot);
    http = await startHttpServer(
      "127.0.0.1",
      0,
      { accepting: true, ping: async () => undefined },
      new Map([[`GET ${CALENDAR_PREFIX}`, calendarRoute((t) => bot.app.calendarFeed(t))]]),
    );
  });
  afterEach(async () => {
    await http.close();
    await bot.close();
  });

  /** The feed a calendar app would fetch from the link in the reply, through the real server. */
  const fetchFeed = async (link: string) => {
    const path = new URL(link).pathname;
    const res = await fetch(`http://127.0.0.1:${http.port}${path}`);
    return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
  };
  const events = (text: string): VEvent[] =>
    Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === "VEVENT");
  const linkIn = (text: string) => text.match(/https?:\/\/\S+\.ics/)?.[0] ?? "";

  it("puts the branch's meetings in a member's calendar, and follows their changes", async () => {
    const member = bot.user("wang-fang", "王芳");
    await enrol(world.secretaryA, member);
    const committee = codeIn(
      joined(await world.secretaryA.schedules("支委会 3月10日 19:30 党员活动室 研究三月工作")),
      "H",
    );
    const lesson = codeIn(
      joined(await world.secretaryA.schedules("党课 3月12日 15:00 社区会议室 学习党章")),
      "H",
    );
    // Another branch's meeting never shows.
    await world.secretaryB.schedules("党课 3月11日 15:00 和平里会议室 学习条例");

    const answer = await member.in(world.groupA).says("/calendar");
    expect(answer.every((r) => r.visibility === "private")).toBe(true);
    const link = linkIn(joined(answer));
    expect(link).toMatch(/\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);

    let feed = await fetchFeed(link);
    expect(feed.status).toBe(200);
    expect(feed.type).toBe("text/calendar; charset=utf-8");
    expect(feed.text).toContain("BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai");
    expect(feed.text).toContain("DTSTART;TZID=Asia/Shanghai:20260310T193000");
    let found = events(feed.text);
    const ids = await bot.prisma.meeting.findMany({ where: { code: { in: [committee, lesson] } } });
    const uid = (code: string) => `${ids.find((m) => m.code === code)?.id}@party-branch-bot`;
    expect(found.map((e) => [e.uid, e.summary, e.location, e.start.toISOString()])).toEqual([
      [uid(committee), "【支部委员会】研究三月工作", "党员活动室", "2026-03-10T11:30:00.000Z"],
      [uid(lesson), "【党课】学习党章", "社区会议室", "2026-03-12T07:00:00.000Z"],
    ]);
    // Alarms at the bot's own reminder offsets: an hour and a day before.
    expect(feed.text.match(/TRIGGER:-P(T1H|1D)/g)).toEqual([
      "TRIGGER:-PT1H",
      "TRIGGER:-P1D",
      "TRIGGER:-PT1H",
      "TRIGGER:-P1D",
    ]);
    expect(found.map((e) => Number(e.sequence))).toEqual([0, 0]);

    await world.secretaryA.says(`/edit_meeting ${committee} 时间 3月11日 20:00`);
    await world.secretaryA.says(`/cancel_meeting ${lesson} 书记外出学习`);
    feed = await fetchFeed(link);
    found = events(feed.text);
    expect(found.map((e) => [e.uid, e.start.toISOString(), Number(e.sequence), e.status])).toEqual([
      [uid(committee), "2026-03-11T12:00:00.000Z", 1, "CONFIRMED"],
      [uid(lesson), "2026-03-12T07:00:00.000Z", 1, "CANCELLED"],
    ]);
  });

  it("keeps one link until it is reset, after which the old one answers nothing", async () => {
    const member = bot.user("gu-li", "顾丽");
    await enrol(world.secretaryA, member);
    const first = linkIn(joined(await member.says("/calendar")));
    expect(linkIn(joined(await member.says("/calendar")))).toBe(first);
    const reset = joined(await member.says("/calendar 重置"));
    expect(reset).toContain("旧的订阅链接已作废");
    const second = linkIn(reset);
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);
    // Guessed or malformed tokens get the same answer as a revoked one.
    for (const path of ["/calendar/abc.ics", "/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics"])
      expect((await fetch(`http://127.0.0.1:${http.port}${path}`)).status).toBe(404);
  });

  it("tells someone who is not a member that there is nothing to subscribe to", async () => {
    expect(joined(await bot.user("passer-by", "路人甲").says("/calendar"))).not.toMatch(/https?:\/\//);
  });

  it("gives the branch one feed of all its meetings, party groups' included, that only a secretary resets", async () => {
    const member = bot.user("he-ping", "何平");
    await enrol(world.secretaryA, member);
    const lesson = codeIn(
      joined(await world.secretaryA.schedules("党课 3月12日 下午3点到4点半 社区会议室 学习党章")),
      "H",
    );
    await world.secretaryB.schedules("党课 3月11日 15:00 和平里会议室 学习条例");
    const answer = await member.in(world.groupA).says("/calendar 支部");
    expect(answer.every((r) => r.visibility === "private")).toBe(true);
    expect(joined(answer)).toContain("本支部的会议日历订阅链接");
    const link = linkIn(joined(answer));
    // The same link for everyone in the branch; not the member's own feed.
    expect(linkIn(joined(await world.secretaryA.says("/calendar 支部")))).toBe(link);
    expect(linkIn(joined(await member.says("/calendar")))).not.toBe(link);
    const found = events((await fetchFeed(link)).text);
    expect(found.map((e) => [e.summary, e.start.toISOString(), e.end?.toISOString()])).toEqual([
      ["【党课】学习党章", "2026-03-12T07:00:00.000Z", "2026-03-12T08:30:00.000Z"],
    ]);
    // Moved with a new range: the end it names; moved to a bare time: the same length.
    await world.secretaryA.says(`/edit_meeting ${lesson} 时间 3月13日下午2点到5点`);
    const ranged = events((await fetchFeed(link)).text)[0];
    expect([ranged?.start.toISOString(), ranged?.end?.toISOString()]).toEqual([
      "2026-03-13T06:00:00.000Z",
      "2026-03-13T09:00:00.000Z",
    ]);
    await world.secretaryA.says(`/edit_meeting ${lesson} 时间 3月14日上午9点`);
    const moved = events((await fetchFeed(link)).text)[0];
    expect([moved?.start.toISOString(), moved?.end?.toISOString()]).toEqual([
      "2026-03-14T01:00:00.000Z",
      "2026-03-14T04:00:00.000Z",
    ]);
    // A member cannot revoke the branch's link; the secretary can.
    expect(joined(await member.in(world.groupA).says("/calendar 支部 重置"))).not.toMatch(/https?:\/\//);
    expect((await fetchFeed(link)).status).toBe(200);
    const renewed = linkIn(joined(await world.secretaryA.says("/calendar 支部 重置")));
    expect(renewed).not.toBe(link);
    expect((await fetchFeed(link)).status).toBe(404);
    expect((await fetchFeed(renewed)).status).toBe(200);
  });
});

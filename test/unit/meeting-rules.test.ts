import { describe, expect, it } from "vitest";
import en from "../../src/locales/en.json" with { type: "json" };
import zh from "../../src/locales/zh-CN.json" with { type: "json" };
import { checkInTiming } from "../../src/meetings/check-in-rules.js";
import {
  closeLedger,
  computeLedger,
  type ExpectedMember,
  parseAbsenceReason,
} from "../../src/meetings/ledger.js";
import { readSchedule } from "../../src/meetings/meeting-args.js";
import { currentObligations, politicalBirthdays } from "../../src/meetings/obligations.js";
import { periodOf } from "../../src/meetings/periods.js";
import { PLACE_PENDING, usualPlace } from "../../src/meetings/place-words.js";

const SH = "Asia/Shanghai";
const member = (id: string, voting = true): ExpectedMember => ({ memberId: id, name: id, voting });

describe("the attendance ledger", () => {
  const expected = [member("张伟"), member("王芳"), member("李娜"), member("刘洋", false), member("陈静")];

  it("counts present, late, on leave and absent, and 实到 never exceeds 应到", () => {
    const ledger = computeLedger({
      type: "party_lesson",
      expected,
      checkIns: [
        { memberId: "张伟", late: false },
        { memberId: "王芳", late: true },
        { memberId: "外来人员", late: false },
      ],
      approvedLeave: new Set(["李娜"]),
      notes: new Map([["陈静", { reason: "sick", note: "住院" }]]),
    });
    expect(ledger).toMatchObject({ expected: 5, present: 2, late: 1, onLeave: 1, absent: 2, unexplained: 1 });
    expect(ledger.present).toBeLessThanOrEqual(ledger.expected);
    expect(ledger.lines.find((l) => l.memberId === "陈静")).toMatchObject({
      outcome: "absent",
      reason: "sick",
      note: "住院",
    });
  });

  it("does not count a member on approved leave as absent", () => {
    const ledger = computeLedger({
      type: "theme_day",
      expected: [member("李娜")],
      checkIns: [],
      approvedLeave: new Set(["李娜"]),
      notes: new Map(),
    });
    expect(ledger.absent).toBe(0);
    expect(ledger.lines[0]).toMatchObject({ outcome: "leave", reason: "leave" });
  });

  it("counts a member who checked in despite approved leave as present", () => {
    const ledger = computeLedger({
      type: "theme_day",
      expected: [member("李娜")],
      checkIns: [{ memberId: "李娜", late: false }],
      approvedLeave: new Set(["李娜"]),
      notes: new Map(),
    });
    expect(ledger.lines[0]?.outcome).toBe("present");
  });

  it("meets the general meeting's quorum with more than half of the voting members; 预备党员 do not count", () => {
    // 4 voting members + 1 probationary: 3 voting present is more than half.
    const base = {
      type: "general_meeting" as const,
      expected,
      approvedLeave: new Set<string>(),
      notes: new Map(),
    };
    const met = computeLedger({
      ...base,
      checkIns: ["张伟", "王芳", "李娜"].map((memberId) => ({ memberId, late: false })),
    });
    expect(met.quorum).toEqual({ applies: true, basis: "voting_members", base: 4, present: 3, met: true });
    // 2 voting + the probationary member present: exactly half of the voting members is not enough.
    const notMet = computeLedger({
      ...base,
      checkIns: ["张伟", "王芳", "刘洋"].map((memberId) => ({ memberId, late: false })),
    });
    expect(notMet.quorum).toEqual({
      applies: true,
      basis: "voting_members",
      base: 4,
      present: 2,
      met: false,
    });
  });

  it("asks more than half of the committee for a committee meeting, and no quorum elsewhere", () => {
    const committee = [member("书记"), member("副书记"), member("委员")];
    const two = computeLedger({
      type: "committee_meeting",
      expected: committee,
      checkIns: [
        { memberId: "书记", late: false },
        { memberId: "委员", late: true },
      ],
      approvedLeave: new Set(),
      notes: new Map(),
    });
    expect(two.quorum.met).toBe(true);
    const lesson = computeLedger({
      type: "party_lesson",
      expected: committee,
      checkIns: [],
      approvedLeave: new Set(),
      notes: new Map(),
    });
    expect(lesson.quorum).toMatchObject({ applies: false, met: true });
  });

  it("records absentees without a reason as 无故 at closing, and keeps given reasons", () => {
    const ledger = computeLedger({
      type: "party_lesson",
      expected: [member("甲"), member("乙")],
      checkIns: [],
      approvedLeave: new Set(),
      notes: new Map([["乙", { reason: "official", note: null }]]),
    });
    expect(closeLedger(ledger).map((l) => [l.memberId, l.reason])).toEqual([
      ["甲", "unexcused"],
      ["乙", "official"],
    ]);
  });

  it("reads reasons as secretaries write them", () => {
    expect(parseAbsenceReason("因公")).toBe("official");
    expect(parseAbsenceReason("病假")).toBe("sick");
    expect(parseAbsenceReason("无故")).toBe("unexcused");
    expect(parseAbsenceReason("睡过头")).toBeUndefined();
  });
});

describe("check-in timing", () => {
  const meeting = {
    startsAt: new Date("2026-03-10T11:30:00Z"),
    checkInOpensMinutes: 30,
    checkInClosesMinutes: 60,
  };
  const at = (iso: string) => checkInTiming(meeting, new Date(iso));

  it("opens before the start, is on time until the start, late until it closes", () => {
    expect(at("2026-03-10T10:59:59Z")).toBe("not_open");
    expect(at("2026-03-10T11:00:00Z")).toBe("on_time");
    expect(at("2026-03-10T11:30:00Z")).toBe("on_time");
    expect(at("2026-03-10T11:30:01Z")).toBe("late");
    expect(at("2026-03-10T12:30:00Z")).toBe("late");
    expect(at("2026-03-10T12:30:01Z")).toBe("closed");
  });
});

describe("periods in the organisation's time zone", () => {
  it("puts 1 April 00:30 in Shanghai in the second quarter although it is still 31 March in UTC", () => {
    const q = periodOf(new Date("2026-03-31T16:30:00Z"), "quarter", SH);
    expect(q).toMatchObject({ year: 2026, index: 2 });
    expect(q.start.toISOString()).toBe("2026-03-31T16:00:00.000Z");
    expect(q.end.toISOString()).toBe("2026-06-30T16:00:00.000Z");
  });

  it("handles February in a leap year and the turn of the year", () => {
    const feb = periodOf(new Date("2028-02-29T04:00:00Z"), "month", SH);
    expect(feb.end.toISOString()).toBe("2028-02-29T16:00:00.000Z");
    const newYear = periodOf(new Date("2026-12-31T16:00:00Z"), "year", SH);
    expect(newYear.year).toBe(2027);
  });

  it("splits the year into halves", () => {
    expect(periodOf(new Date("2026-06-30T15:59:59Z"), "half_year", SH).index).toBe(1);
    expect(periodOf(new Date("2026-06-30T16:00:00Z"), "half_year", SH).index).toBe(2);
  });
});

describe("reading a one-line schedule", () => {
  const now = new Date("2026-03-02T01:00:00Z");

  it("reads every piece and the options", () => {
    const { draft, next } = readSchedule(
      ["支委会", "3月10日", "19:30", "党员活动室", "研究", "三月工作", "主持=m1", "记录=M2", "重复=3"],
      now,
      SH,
    );
    expect(next).toBeNull();
    expect(draft).toMatchObject({
      type: "committee_meeting",
      place: "党员活动室",
      topic: "研究 三月工作",
      hostCode: "M1",
      recorderCode: "M2",
      occurrences: 3,
    });
    expect(draft.startsAt?.toISOString()).toBe("2026-03-10T11:30:00.000Z");
  });

  it("names the first missing or wrong piece", () => {
    expect(readSchedule([], now, SH).next).toBe("type");
    expect(readSchedule(["党课"], now, SH).next).toBe("date");
    expect(readSchedule(["党课", "明天", "中午"], now, SH)).toMatchObject({ next: "time", invalid: "time" });
    expect(readSchedule(["茶话会"], now, SH)).toMatchObject({ next: "type", invalid: "type" });
    expect(readSchedule(["党课", "明天", "9:00", "会议室"], now, SH).next).toBe("topic");
    expect(readSchedule(["党课", "明天", "9:00"], now, SH).next).toBe("place");
  });

  // Each line after the type and the time: the place read (undefined: left open) and the topic.
  const PIECES: [string, string | undefined, string][] = [
    ["学习二十大精神", undefined, "学习二十大精神"],
    ["党员活动室 学习二十大精神", "党员活动室", "学习二十大精神"],
    ["学习二十大精神 党员活动室", "党员活动室", "学习二十大精神"],
    ["幸福里 学习党章", "幸福里", "学习党章"],
    ["学习 党章", undefined, "学习 党章"],
    ["参观革命纪念馆", undefined, "参观革命纪念馆"],
    ["腾讯会议 传达全会精神", "腾讯会议", "传达全会精神"],
    ["社区党群服务中心 重温入党誓词", "社区党群服务中心", "重温入党誓词"],
    ["二楼会议厅 研究 三月工作", "二楼会议厅", "研究 三月工作"],
    ["地点=幸福里 主题=学习党章", "幸福里", "学习党章"],
    ["地点= 社区三楼 主题= 学习新修订的纪律处分条例", "社区三楼", "学习新修订的纪律处分条例"],
    ["主题=党员活动室的管理", undefined, "党员活动室的管理"],
  ];
  it.each(PIECES)("reads 「%s」 as place %s and topic %s", (line, place, topic) => {
    const { draft, next } = readSchedule(["支部党员大会", "下周三晚上7点半", ...line.split(" ")], now, SH);
    expect(next).toBeNull();
    expect(draft.place).toBe(place);
    expect(draft.topic).toBe(topic);
  });

  it("answers a past relative day as past and keeps it out of the place and the topic", () => {
    const reading = readSchedule(["昨天晚上8点", "支部党员大会", "学习二十大精神"], now, SH);
    expect(reading).toMatchObject({ next: "date", invalid: "date", problem: { reason: "past" } });
    expect(reading.problem?.start?.toISOString()).toBe("2026-03-01T12:00:00.000Z");
    expect(reading.kept).toEqual(["支部党员大会", "学习二十大精神"]);
  });
});

describe("the place a branch usually meets", () => {
  it.each([
    [["党员活动室", "三楼会议室", "党员活动室"], "党员活动室"],
    [["三楼会议室", "党员活动室", "社区礼堂"], null],
    [["待定", "待定", "党员活动室"], null],
    [["社区礼堂", "党员活动室", "党员活动室", "社区礼堂"], "社区礼堂"],
    [[], null],
  ] as [string[], string | null][])("from %j is %s", (recent, usual) => {
    expect(usualPlace(recent)).toBe(usual);
  });

  it("never takes a place left open for one, in any language", () => {
    for (const locale of [zh, en]) expect(PLACE_PENDING.has(locale.schedule.placePending)).toBe(true);
  });
});

describe("obligations of the period", () => {
  const now = new Date("2026-05-20T02:00:00Z");
  const at = (iso: string) => new Date(iso);

  it("counts held, scheduled and missing per type and per party group, ignoring cancelled meetings", () => {
    const rows = currentObligations({
      now,
      zone: SH,
      frequencies: {
        general_meeting: { period: "quarter", times: 1 },
        committee_meeting: { period: "month", times: 1 },
        group_meeting: { period: "month", times: 1 },
      },
      groupIds: ["g1", "g2"],
      meetings: [
        { type: "general_meeting", groupId: null, startsAt: at("2026-04-15T01:00:00Z"), status: "cancelled" },
        { type: "committee_meeting", groupId: null, startsAt: at("2026-05-06T11:00:00Z"), status: "closed" },
        { type: "group_meeting", groupId: "g1", startsAt: at("2026-05-28T11:00:00Z"), status: "scheduled" },
        { type: "committee_meeting", groupId: null, startsAt: at("2026-04-06T11:00:00Z"), status: "closed" },
      ],
    });
    const line = (type: string, groupId: string | null = null) =>
      rows.find((r) => r.type === type && r.groupId === groupId);
    expect(line("general_meeting")).toMatchObject({ required: 1, held: 0, scheduled: 0, missing: 1 });
    expect(line("committee_meeting")).toMatchObject({ held: 1, missing: 0 });
    expect(line("group_meeting", "g1")).toMatchObject({ scheduled: 1, missing: 0 });
    expect(line("group_meeting", "g2")).toMatchObject({ missing: 1 });
  });

  it("finds this month's political birthdays", () => {
    const members = [
      { joinedPartyOn: "1998-07-01" },
      { joinedPartyOn: "2008-03-18" },
      { joinedPartyOn: null },
    ];
    expect(politicalBirthdays(members, 7)).toEqual([{ joinedPartyOn: "1998-07-01" }]);
  });
});

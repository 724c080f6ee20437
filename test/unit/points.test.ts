import { describe, expect, it } from "vitest";
import { pointsFromCounts, rank, tallyPoints, topOnly } from "../../src/leaderboard/points.js";

const rules = { perMeeting: 5, caps: { general_meeting: 20, party_lesson: 5 } };
describe("points from attendance", () => {
  // Which meetings count (present or late; not absence or leave) is decided in the database
  // query; the scenario tests cover it. Here: points per meeting and the yearly caps.
  it("gives 5 points per meeting attended", () => {
    expect(pointsFromCounts([{ type: "theme_day", n: 3 }], rules)).toBe(15);
  });

  it("caps each type per year", () => {
    expect(pointsFromCounts([{ type: "general_meeting", n: 6 }], rules)).toBe(20);
    expect(
      pointsFromCounts(
        [
          { type: "general_meeting", n: 6 },
          { type: "theme_day", n: 3 },
          { type: "party_lesson", n: 2 },
        ],
        rules,
      ),
    ).toBe(20 + 15 + 5);
  });
});

describe("rankings", () => {
  const people = [
    { name: "甲", points: 30 },
    { name: "乙", points: 45 },
    { name: "丙", points: 30 },
    { name: "丁", points: 0 },
    { name: "戊", points: 10 },
  ];

  it("ranks by points with shared places for ties", () => {
    expect(rank(people, (p) => p.points).map((r) => [r.item.name, r.rank])).toEqual([
      ["乙", 1],
      ["甲", 2],
      ["丙", 2],
      ["戊", 4],
      ["丁", 5],
    ]);
  });

  it("publishes only the top, never the bottom nor anyone without points", () => {
    const ranked = rank(people, (p) => p.points);
    expect(topOnly(ranked, (p) => p.points, 2).map((r) => r.item.name)).toEqual(["乙", "甲", "丙"]);
    expect(topOnly(ranked, (p) => p.points, 10).map((r) => r.item.name)).not.toContain("丁");
  });
});

describe("points from a member's yearly tally", () => {
  const all = { ...rules, perServiceHour: 1, perWish: 2 };
  it("adds capped meetings, whole hours served and confirmed wishes", () => {
    const tally = {
      byType: { general_meeting: 6, theme_day: 2, party_lesson: 3 },
      serviceMinutes: 150,
      wishes: 1,
    };
    // 20 (capped) + 10 + 5 (capped) + 2 whole hours + one wish.
    expect(tallyPoints(tally, all)).toBe(20 + 10 + 5 + 2 + 2);
  });

  it("gives nothing for an empty year", () => {
    expect(tallyPoints({ byType: {}, serviceMinutes: 59, wishes: 0 }, all)).toBe(0);
  });
});

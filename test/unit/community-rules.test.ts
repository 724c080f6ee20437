import { describe, expect, it } from "vitest";
import {
  claimStanding,
  hoursText,
  servedMinutes,
  servicePoints,
} from "../../src/community/community-rules.js";

const activity = { startsAt: new Date("2026-03-08T01:00:00Z"), endsAt: new Date("2026-03-08T03:00:00Z") };

describe("community rules", () => {
  it("counts the time between check-in and check-out", () => {
    expect(servedMinutes(new Date("2026-03-08T00:50:00Z"), new Date("2026-03-08T02:50:00Z"), activity)).toBe(
      120,
    );
    expect(servedMinutes(new Date("2026-03-08T01:10:00Z"), new Date("2026-03-08T01:55:30Z"), activity)).toBe(
      45,
    );
  });

  it("never counts more than the activity's length and an hour, nor less than nothing", () => {
    expect(servedMinutes(new Date("2026-03-08T01:00:00Z"), new Date("2026-03-08T09:00:00Z"), activity)).toBe(
      180,
    );
    expect(servedMinutes(new Date("2026-03-08T02:00:00Z"), new Date("2026-03-08T01:00:00Z"), activity)).toBe(
      0,
    );
  });

  it("says hours as people do", () => {
    expect(hoursText(120)).toBe("2");
    expect(hoursText(90)).toBe("1.5");
    expect(hoursText(100)).toBe("1.7");
    expect(hoursText(0)).toBe("0");
  });

  it("reminds a claimant once before the claim lapses, and lapses it at its due time", () => {
    const due = new Date("2026-03-09T01:00:00Z");
    const claim = { claimDueAt: due, claimRemindedAt: null };
    expect(claimStanding(claim, new Date("2026-03-07T01:00:00Z"), 24)).toBe("in_time");
    expect(claimStanding(claim, new Date("2026-03-08T01:00:00Z"), 24)).toBe("remind");
    expect(
      claimStanding({ ...claim, claimRemindedAt: new Date() }, new Date("2026-03-08T12:00:00Z"), 24),
    ).toBe("in_time");
    expect(claimStanding(claim, due, 24)).toBe("lapsed");
    expect(
      claimStanding({ ...claim, claimRemindedAt: new Date() }, new Date("2026-03-10T00:00:00Z"), 24),
    ).toBe("lapsed");
  });

  it("gives points per whole hour served and per confirmed wish, by the organisation's rules", () => {
    expect(servicePoints(150, 0, { perServiceHour: 1, perWish: 5 })).toBe(2);
    expect(servicePoints(59, 1, { perServiceHour: 1, perWish: 5 })).toBe(5);
    expect(servicePoints(240, 2, { perServiceHour: 3, perWish: 0 })).toBe(12);
    expect(servicePoints(0, 0, { perServiceHour: 3, perWish: 5 })).toBe(0);
  });
});

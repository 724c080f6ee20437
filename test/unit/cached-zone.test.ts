// The remembered zone must answer exactly as Intl does, across daylight-saving changes and zones
// with half- and quarter-hour offsets: each hour and each quarter hour around the transitions.
import { DateTime, IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import { cachedZone } from "../../src/core/cached-zone.js";

const ZONES = [
  "Asia/Shanghai",
  "America/New_York",
  "Europe/London",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
  "Pacific/Chatham",
  "America/St_Johns",
];

describe("a zone with remembered offsets", () => {
  it.each(ZONES)(
    "gives the offsets Intl gives in %s, every minute around each change of 2026–2027",
    (name) => {
      const cached = cachedZone(name);
      const exact = IANAZone.create(name);
      const STEP = 6 * 3_600_000;
      let changes = 0;
      for (let ts = Date.UTC(2026, 0, 1); ts < Date.UTC(2028, 0, 1); ts += STEP) {
        expect(cached.offset(ts)).toBe(exact.offset(ts));
        if (exact.offset(ts) === exact.offset(ts + STEP)) continue;
        changes++;
        for (let at = ts; at <= ts + STEP; at += 60_000)
          if (cached.offset(at) !== exact.offset(at))
            throw new Error(`${name} at ${new Date(at).toISOString()}`);
      }
      expect(changes).toBe(name === "Asia/Shanghai" || name === "Asia/Kathmandu" ? 0 : 4);
    },
  );

  it("does the same date sums as the named zone", () => {
    const now = new Date("2026-03-07T15:00:00Z"); // the Saturday before New York springs forward
    const viaCache = DateTime.fromJSDate(now, { zone: cachedZone("America/New_York") })
      .plus({ days: 1 })
      .set({ hour: 9 });
    const viaName = DateTime.fromJSDate(now, { zone: "America/New_York" }).plus({ days: 1 }).set({ hour: 9 });
    expect(viaCache.toISO()).toBe(viaName.toISO());
    expect(viaCache.zone.equals(viaName.zone)).toBe(true);
    expect(cachedZone("Asia/Shanghai")).toBe(cachedZone("Asia/Shanghai"));
  });
});

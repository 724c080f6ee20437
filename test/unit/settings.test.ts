import { describe, expect, it } from "vitest";
import { mayNest, parseOrgKind } from "../../src/organization/org-kinds.js";
import { effectiveSettings, parseSetting, parseStoredSettings } from "../../src/organization/settings.js";

describe("settings inherited down the tree", () => {
  const county = { id: "county", settings: { "themeDay.dayOfMonth": 10, "warnings.yellowMonths": 3 } };
  const street = { id: "street", settings: { "themeDay.time": "14:30" } };
  const branch = { id: "branch", settings: { "warnings.yellowMonths": 2 } };

  it("takes each setting from the nearest organisation that sets it", () => {
    const effective = effectiveSettings([branch, street, county]);
    expect(effective["themeDay.dayOfMonth"]).toEqual({ value: 10, from: "county" });
    expect(effective["themeDay.time"]).toEqual({ value: "14:30", from: "street" });
    expect(effective["warnings.yellowMonths"]).toEqual({ value: 2, from: "branch" });
  });

  it("falls back to the defaults from DOMAIN.md", () => {
    const effective = effectiveSettings([{ id: "lonely", settings: {} }]);
    expect(effective["frequency.general_meeting"]).toEqual({
      value: { period: "quarter", times: 1 },
      from: null,
    });
    expect(effective["frequency.committee_meeting"].value).toEqual({ period: "month", times: 1 });
    expect(effective["warnings.redMonths"].value).toBe(5);
    expect(effective["themeDay.items"].value).toEqual([
      "重温入党誓词",
      "诵读党章",
      "交纳党费",
      "集中学习",
      "过政治生日",
    ]);
  });

  it("parses values as people type them and explains bad ones", () => {
    expect(parseSetting("themeDay.dayOfMonth", "15")).toEqual({ ok: true, value: 15 });
    expect(parseSetting("themeDay.dayOfMonth", "31").ok).toBe(false);
    expect(parseSetting("frequency.party_lesson", "year:2")).toEqual({
      ok: true,
      value: { period: "year", times: 2 },
    });
    expect(parseSetting("frequency.party_lesson", "sometimes").ok).toBe(false);
    expect(parseSetting("themeDay.items", "重温入党誓词，诵读党章、志愿服务")).toEqual({
      ok: true,
      value: ["重温入党誓词", "诵读党章", "志愿服务"],
    });
    expect(parseSetting("themeDay.time", "25:00").ok).toBe(false);
  });

  it("ignores unknown or broken stored settings instead of failing", () => {
    expect(parseStoredSettings('{"themeDay.time":"09:30","bogus":1}')).toEqual({ "themeDay.time": "09:30" });
    expect(parseStoredSettings("not json")).toEqual({});
  });
});

describe("the shape of the tree", () => {
  it("reads kinds in Chinese and English", () => {
    expect(parseOrgKind("党工委")).toBe("committee");
    expect(parseOrgKind("党总支")).toBe("general_branch");
    expect(parseOrgKind("支部")).toBe("branch");
    expect(parseOrgKind("GROUP")).toBe("group");
    expect(parseOrgKind("村委会")).toBeUndefined();
  });

  it("allows only the nestings of the party's structure", () => {
    expect(mayNest("committee", null)).toBe(true);
    expect(mayNest("committee", "committee")).toBe(true);
    expect(mayNest("general_branch", "committee")).toBe(true);
    expect(mayNest("branch", "general_branch")).toBe(true);
    expect(mayNest("branch", "committee")).toBe(true);
    expect(mayNest("group", "branch")).toBe(true);
    expect(mayNest("branch", null)).toBe(false);
    expect(mayNest("group", "committee")).toBe(false);
    expect(mayNest("general_branch", "branch")).toBe(false);
  });
});

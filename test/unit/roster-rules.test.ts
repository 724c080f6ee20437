import { describe, expect, it } from "vitest";
import { parsePartyDate, parseStatus, validateRoster } from "../../src/membership/roster-rules.js";

const ctx = (over: Partial<Parameters<typeof validateRoster>[1]> = {}) => ({
  today: "2026-03-02",
  existingNames: new Set<string>(),
  existingPhones: new Set<string>(),
  groupNames: new Set(["第一党小组"]),
  ...over,
});
const row = (line: number, cells: Record<string, string>) => ({ line, cells });

describe("reading a member's status", () => {
  it("understands the words secretaries write", () => {
    expect(parseStatus("正式党员")).toBe("full");
    expect(parseStatus("正式")).toBe("full");
    expect(parseStatus(" 预备党员 ")).toBe("probationary");
    expect(parseStatus("Probationary")).toBe("probationary");
  });

  it("rejects anything else, such as an activist who is not yet a member", () => {
    expect(parseStatus("入党积极分子")).toBeUndefined();
    expect(parseStatus("")).toBeUndefined();
  });
});

describe("reading a joining date", () => {
  it("accepts the ways dates are written in rosters", () => {
    for (const input of ["2015-07-01", "2015/7/1", "2015.07.01", "2015年7月1日"]) {
      expect(parsePartyDate(input), input).toBe("2015-07-01");
    }
  });

  it("rejects impossible and malformed dates", () => {
    for (const input of ["2015-02-30", "2015-13-01", "15-7-1", "七月一日", "2015-07"]) {
      expect(parsePartyDate(input), input).toBeUndefined();
    }
  });
});

describe("validating roster rows", () => {
  it("keeps a good row with its group, date and normalised phone", () => {
    const { good, errors } = validateRoster(
      [
        row(2, {
          姓名: "张伟",
          类别: "正式党员",
          入党时间: "2001年7月1日",
          手机号: "+86 138-0013-8000",
          党小组: "第一党小组",
        }),
      ],
      ctx(),
    );
    expect(errors).toEqual([]);
    expect(good).toEqual([
      {
        line: 2,
        name: "张伟",
        status: "full",
        joinedPartyOn: "2001-07-01",
        phone: "13800138000",
        groupName: "第一党小组",
      },
    ]);
  });

  it("accepts English headers and leaves optional cells empty", () => {
    const { good } = validateRoster([row(2, { name: "Li Na", status: "probationary" })], ctx());
    expect(good[0]).toMatchObject({
      name: "Li Na",
      status: "probationary",
      joinedPartyOn: null,
      phone: null,
      groupName: null,
    });
  });

  it("reports each problem with its line", () => {
    const { good, errors } = validateRoster(
      [
        row(2, { 姓名: "", 类别: "正式" }),
        row(3, { 姓名: "李娜", 类别: "群众" }),
        row(4, { 姓名: "王芳", 类别: "正式", 入党时间: "2027-01-01" }),
        row(5, { 姓名: "赵磊", 类别: "正式", 手机号: "12345" }),
        row(6, { 姓名: "刘洋", 类别: "正式", 党小组: "第九党小组" }),
        row(7, { 姓名: "陈静", 类别: "正式", 手机号: "13900000001" }),
        row(8, { 姓名: "陈晨", 类别: "正式", 手机号: "13900000001" }),
      ],
      ctx(),
    );
    expect(good.map((g) => g.name)).toEqual(["陈静"]);
    expect(errors).toEqual([
      { line: 2, reason: "name" },
      { line: 3, reason: "status", value: "群众" },
      { line: 4, reason: "dateFuture", value: "2027-01-01" },
      { line: 5, reason: "phone", value: "12345" },
      { line: 6, reason: "group", value: "第九党小组" },
      { line: 8, reason: "phoneDuplicate", value: "7" },
    ]);
  });

  it("refuses people already on the roster, by phone, or by name when there is no phone", () => {
    const { errors } = validateRoster(
      [row(2, { 姓名: "周强", 类别: "正式", 手机号: "13700000000" }), row(3, { 姓名: "吴军", 类别: "正式" })],
      ctx({ existingPhones: new Set(["13700000000"]), existingNames: new Set(["吴军"]) }),
    );
    expect(errors.map((e) => [e.line, e.reason])).toEqual([
      [2, "alreadyMember"],
      [3, "alreadyMember"],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { parseCommandText, tokenize } from "../../src/core/parse-command-text.js";

describe("reading a command from a message", () => {
  it("splits the command word from its arguments", () => {
    expect(parseCommandText("/lang en")).toEqual({ word: "lang", args: ["en"] });
  });

  it("accepts the full-width slash Chinese keyboards type", () => {
    expect(parseCommandText("／签到 4821")).toEqual({ word: "签到", args: ["4821"] });
  });

  it("separates the @bot suffix Telegram adds in groups", () => {
    expect(parseCommandText("/help@party_bot")).toEqual({ word: "help", addressee: "party_bot", args: [] });
  });

  it("is not a command without the slash", () => {
    expect(parseCommandText("明天开会吗？")).toBeNull();
    expect(parseCommandText("/")).toBeNull();
    expect(parseCommandText("   ")).toBeNull();
  });

  it("keeps quoted arguments whole, with ASCII, Chinese and corner quotes", () => {
    expect(tokenize('"学习 二十大 精神" “党员 活动室” 「三楼 会议室」 9:00')).toEqual([
      "学习 二十大 精神",
      "党员 活动室",
      "三楼 会议室",
      "9:00",
    ]);
  });

  it("treats the ideographic space as a separator", () => {
    expect(tokenize("党课\u3000二季度")).toEqual(["党课", "二季度"]);
  });
});

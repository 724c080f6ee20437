// A person reading the bot in Chinese meets no English words: not in any message of the Chinese
// catalogue, not in any command's usage line.
import { describe, expect, it } from "vitest";
import zh from "../../src/locales/zh-CN.json" with { type: "json" };
import { asciiWords } from "../support/ascii-words.js";

/** Messages that name English things on purpose. */
const EXEMPT = new Set([
  "languages.en", // the language's own name
  "import.noNameColumn", // the English column names a roster may use
  "console.banner", // the console's own commands
  "console.usage",
]);

function strings(node: unknown, prefix = ""): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  if (!node || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([k, v]) => strings(v, prefix ? `${prefix}.${k}` : k));
}

describe("Chinese everywhere", () => {
  it("has no English words in any Chinese message or usage line", () => {
    const found = strings(zh)
      .filter(([key]) => !EXEMPT.has(key))
      .map(([key, text]) => [key, asciiWords(text)] as const)
      .filter(([, words]) => words.length > 0);
    expect(Object.fromEntries(found)).toEqual({});
  });

  it.each([
    ["/role <授予|撤销> <党员编号> 书记", []],
    ["请发送 /party join K7P2Q9 或打开 https://t.me/bot?start=join_K7P2Q9", []],
    ["2027-Q1 的台账：名册.xlsx", []],
    ["积分上限 = [object Object]", ["object", "Object"]],
    ["数值过大：期望 number <=60", ["number"]],
  ])("finds the English words in %j", (text, words) => {
    expect(asciiWords(text)).toEqual(words);
  });
});

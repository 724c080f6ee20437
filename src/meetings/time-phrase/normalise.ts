// Puts a phrase into one spelling before the grammar reads it: full-width characters (１２：３０)
// as ASCII, Chinese numerals before a unit (十二月十五日, 两点半, 七点三十) as digits, quarters
// of an hour (一刻, 三刻) as minutes, runs of spaces as one. Weekday words (周一) stay words.

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 十五 → 15, 二十三 → 23, 二〇二七 → 2027; undefined for what is not a number. */
export function chineseNumber(text: string): number | undefined {
  if (text.length === 0) return undefined;
  if (!text.includes("十")) {
    let value = 0;
    for (const ch of text) {
      const d = DIGITS[ch];
      if (d === undefined) return undefined;
      value = value * 10 + d;
    }
    return value;
  }
  const [tens, ones = ""] = text.split("十");
  if (text.split("十").length > 2) return undefined;
  const t = tens === "" ? 1 : DIGITS[tens ?? ""];
  const o = ones === "" ? 0 : DIGITS[ones];
  if (t === undefined || o === undefined || (tens ?? "").length > 1 || ones.length > 1) return undefined;
  return t * 10 + o;
}

const NUMERAL_RUN = /[零〇一二两三四五六七八九十]+/g;

export function normalise(input: string): string {
  let text = input.normalize("NFKC").replace(/\s+/g, " ").trim();
  // "3 点", "12 月 15 日": spaces inside a number's unit are not a boundary.
  text = text.replace(/(\d)\s+(?=[年月日号点时分])/g, "$1").replace(/([年月点时])\s+(?=\d)/g, "$1");
  // Quarters of an hour, before their numerals are read as numbers.
  text = text.replace(/点(一|1)刻/g, "点15分").replace(/点(三|3)刻/g, "点45分");
  text = text.replace(NUMERAL_RUN, (run, offset: number, whole: string) => {
    const before = whole.slice(Math.max(0, offset - 2), offset);
    const after = whole[offset + run.length] ?? "";
    // 周一, 星期三, 礼拜五: a weekday, not a number.
    if (/(周|期|拜)$/.test(before)) return run;
    const unitFollows = /[年月日号点时分:]/.test(after);
    const minutesAfterHour = before.endsWith("点") || before.endsWith("时");
    if (!unitFollows && !minutesAfterHour) return run;
    const value = chineseNumber(run);
    return value === undefined ? run : String(value);
  });
  return text;
}

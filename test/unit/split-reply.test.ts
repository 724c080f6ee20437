import { describe, expect, it } from "vitest";
import { renderHtml } from "../../src/adapters/telegram/render-html.js";
import { bold, plain, type Reply, replyText, type Segment } from "../../src/core/reply.js";
import { splitReply } from "../../src/core/split-reply.js";

const plainLength = (segments: readonly Segment[]) => segments.reduce((n, s) => n + s.text.length, 0);
const htmlLength = (segments: readonly Segment[]) => renderHtml({ segments: [...segments] }).length;
const lines = (n: number, width: number) =>
  Array.from({ length: n }, (_, i) => `第${String(i + 1).padStart(3, "0")}行 ${"党".repeat(width)}`).join(
    "\n",
  );

describe("cutting a long reply to a platform's limit", () => {
  it.each([
    ["a short reply stays whole", lines(3, 5), 100, 1],
    ["lines are kept whole and packed", lines(10, 15), 60, 5],
    ["every line its own part when two do not fit", lines(4, 40), 50, 4],
    ["a line longer than the limit is cut by characters", "党".repeat(250), 100, 3],
  ])("%s", (_name, text, limit, parts) => {
    const reply: Reply = { segments: [plain(text)] };
    const split = splitReply(reply, limit, plainLength);
    expect(split).toHaveLength(parts);
    for (const part of split) expect(plainLength(part.segments)).toBeLessThanOrEqual(limit);
    // Nothing lost: the parts are the text, cut only at line ends (or inside an over-long line).
    const glue = text.includes("\n") ? "\n" : "";
    expect(split.map(replyText).join(glue)).toBe(text);
  });

  it("measures what the platform counts: escaped characters and tags, never cut inside a tag", () => {
    const reply: Reply = {
      segments: [bold("《关于<加强>党员教育&管理》"), plain(`\n${lines(30, 20)}`), bold("\n此致 & 敬礼")],
    };
    const split = splitReply(reply, 200, htmlLength);
    for (const part of split) {
      const html = renderHtml(part);
      expect(html.length).toBeLessThanOrEqual(200);
      expect(html.match(/<b>/g)?.length ?? 0).toBe(html.match(/<\/b>/g)?.length ?? 0);
    }
    expect(split.map(replyText).join("\n")).toBe(replyText(reply));
  });

  it("never splits a character made of two code units", () => {
    const text = "🎉".repeat(90);
    const split = splitReply({ segments: [plain(text)] }, 25, plainLength);
    for (const part of split) expect(replyText(part)).toMatch(/^(🎉)+$/u);
    expect(split.map(replyText).join("")).toBe(text);
  });

  it("keeps the buttons on the last part and the file on the first", () => {
    const reply: Reply = {
      segments: [plain(lines(20, 10))],
      buttons: [[{ label: "签到", command: "checkin", args: ["H7K2Q"] }]],
      attachment: { kind: "file", filename: "台账.xlsx", path: "/tmp/x.xlsx" },
    };
    const split = splitReply(reply, 80, plainLength);
    expect(split.length).toBeGreaterThan(2);
    expect(split.map((p) => Boolean(p.buttons))).toEqual([...Array(split.length - 1).fill(false), true]);
    expect(split.map((p) => Boolean(p.attachment))).toEqual([true, ...Array(split.length - 1).fill(false)]);
  });
});

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createCanvas, GlobalFonts, loadImage } from "@napi-rs/canvas";
import pixelmatch from "pixelmatch";
import { describe, expect, it } from "vitest";
import { CHART_FONT_FAMILY, ensureChartFonts } from "../../src/charts/chart-fonts.js";
import { renderChart } from "../../src/charts/render-chart.js";
import type { ChartSpec } from "../../src/core/chart-spec.js";

// One realistic chart of each kind; their reference pictures live in test/fixtures/charts and are
// rewritten with UPDATE_CHART_REFERENCES=1 after an intended change (look at them first).
const SPECS: Record<ChartSpec["kind"], ChartSpec> = {
  leaderboard: {
    kind: "leaderboard",
    title: "【每周榜单】幸福里社区党支部 · 2026-W11",
    subtitle: "三会一课完成率 80% · 本年出勤率 92%",
    seriesLabel: "积分",
    entries: [
      { label: "1. 顾丽", value: 12 },
      { label: "2. 李建国", value: 10 },
      { label: "3. 沈涛", value: 9 },
      { label: "4. 王芳", value: 7 },
      { label: "5. 赵磊", value: 4 },
    ],
  },
  trend: {
    kind: "trend",
    title: "幸福里社区党支部 · 近6个月出勤率",
    seriesLabel: "出勤率",
    points: [
      { label: "2025年10月", percent: 78 },
      { label: "2025年11月", percent: 85 },
      { label: "2025年12月", percent: null },
      { label: "2026年1月", percent: 90 },
      { label: "2026年2月", percent: 88 },
      { label: "2026年3月", percent: 95 },
    ],
  },
  compliance: {
    kind: "compliance",
    title: "【支部达标情况】南湖街道党工委 · 2026-W11",
    completionLabel: "三会一课完成率",
    attendanceLabel: "本年出勤率",
    branches: [
      { label: "1. 幸福里社区党支部", completionPercent: 100, attendancePercent: 92 },
      { label: "2. 和平里社区党支部", completionPercent: 60, attendancePercent: 75 },
      { label: "3. 光明里社区党支部", completionPercent: 20, attendancePercent: null },
    ],
  },
};

async function pixels(png: Buffer) {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(image, 0, 0);
  return {
    width: image.width,
    height: image.height,
    data: ctx.getImageData(0, 0, image.width, image.height).data,
  };
}

describe("charts", () => {
  it("draws Chinese with the shipped Noto Sans SC, not boxes: different characters give different glyphs", () => {
    expect(ensureChartFonts()).toBe(CHART_FONT_FAMILY);
    expect(GlobalFonts.has(CHART_FONT_FAMILY)).toBe(true);
    const glyph = (text: string) => {
      const canvas = createCanvas(64, 64);
      const ctx = canvas.getContext("2d");
      ctx.fillStyle = "#fff";
      ctx.fillRect(0, 0, 64, 64);
      ctx.fillStyle = "#000";
      ctx.font = `48px "${CHART_FONT_FAMILY}"`;
      ctx.fillText(text, 8, 52);
      return Buffer.from(ctx.getImageData(0, 0, 64, 64).data);
    };
    // A missing glyph is drawn as the same box whatever the character.
    const [dang, zhi, bu] = [glyph("党"), glyph("支"), glyph("部")];
    expect(dang.equals(zhi)).toBe(false);
    expect(zhi.equals(bu)).toBe(false);
    expect(dang.equals(glyph("党"))).toBe(true);
  });

  for (const [kind, spec] of Object.entries(SPECS)) {
    it(`renders the ${kind} chart as a PNG of the expected size that is not blank and matches its reference`, async () => {
      const { png, width, height } = await renderChart(spec);
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      const drawn = await pixels(png);
      expect([drawn.width, drawn.height]).toEqual([width, height]);
      expect(width).toBeGreaterThanOrEqual(800);
      expect(height).toBeGreaterThanOrEqual(360);
      // Not blank: a good share of the picture is ink, and some of it is the party red bars.
      let ink = 0;
      let red = 0;
      for (let i = 0; i < drawn.data.length; i += 4) {
        const [r, g, b] = [drawn.data[i] ?? 0, drawn.data[i + 1] ?? 0, drawn.data[i + 2] ?? 0];
        if (r < 240 || g < 240 || b < 240) ink++;
        if (r > 180 && g < 70 && b < 70) red++;
      }
      const total = width * height;
      expect(ink / total).toBeGreaterThan(0.03);
      expect(red / total).toBeGreaterThan(0.005);

      const reference = path.join("test", "fixtures", "charts", `${kind}.png`);
      if (process.env.UPDATE_CHART_REFERENCES === "1") writeFileSync(reference, png);
      expect(existsSync(reference), `${reference} is missing: run with UPDATE_CHART_REFERENCES=1`).toBe(true);
      const expected = await pixels(readFileSync(reference));
      expect([expected.width, expected.height]).toEqual([width, height]);
      const differing = pixelmatch(expected.data, drawn.data, undefined, width, height, { threshold: 0.1 });
      // Anti-aliasing may differ a little between builds of Skia; layout or text changes do not.
      expect(differing / total).toBeLessThan(0.01);
    });
  }
});

// Draws a chart spec as a PNG with chart.js on a Skia canvas (@napi-rs/canvas): no browser, no
// system fonts, the same pixels on every machine with the same packages.
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { createCanvas } from "@napi-rs/canvas";
import { Chart, type ChartConfiguration, type Plugin, registerables } from "chart.js";
import { type ChartSpec, MAX_COMPLIANCE_BARS } from "../core/chart-spec.js";
import { ensureChartFonts } from "./chart-fonts.js";

Chart.register(...registerables);

const RED = "#c62828";
const GOLD = "#f9a825";
const GREY = "#9e9e9e";

/** A white page: a transparent PNG looks broken in a dark-mode chat. */
const whiteBackground: Plugin = {
  id: "white-background",
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

export interface RenderedChart {
  png: Buffer;
  width: number;
  height: number;
}

export async function renderChart(spec: ChartSpec): Promise<RenderedChart> {
  const family = ensureChartFonts();
  Chart.defaults.font.family = family;
  Chart.defaults.font.size = 16;
  Chart.defaults.color = "#212121";
  const { config, width, height } = configure(spec);
  const canvas = createCanvas(width, height);
  // chart.js accepts any object with getContext("2d"); its types only name the DOM canvas.
  const item = canvas as unknown as ConstructorParameters<typeof Chart>[0];
  const chart = new Chart(item, {
    ...config,
    options: {
      ...config.options,
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      layout: { padding: 16 },
    },
    plugins: [whiteBackground],
  } as ChartConfiguration);
  try {
    chart.draw();
    return { png: await canvas.encode("png"), width, height };
  } finally {
    chart.destroy();
  }
}

/** Draws the chart into a PNG file, placed by `place` (the bot's private files), for an adapter to send. */
export async function writeChartPng(
  spec: ChartSpec,
  place: (filename: string) => Promise<string>,
): Promise<{ path: string; filename: string }> {
  const { png } = await renderChart(spec);
  const filename = `${spec.kind}-${randomBytes(6).toString("hex")}.png`;
  const file = await place(filename);
  await writeFile(file, png, { mode: 0o600 });
  return { path: file, filename };
}

function title(text: string, subtitle?: string) {
  return {
    title: { display: true, text, font: { size: 24, weight: "bold" as const }, padding: { bottom: 4 } },
    subtitle: {
      display: Boolean(subtitle),
      text: subtitle ?? "",
      font: { size: 16 },
      padding: { bottom: 12 },
    },
  };
}

function configure(spec: ChartSpec): { config: ChartConfiguration; width: number; height: number } {
  switch (spec.kind) {
    case "leaderboard":
      return {
        width: 800,
        height: Math.max(360, 160 + spec.entries.length * 56),
        config: {
          type: "bar",
          data: {
            labels: spec.entries.map((e) => e.label),
            datasets: [
              { label: spec.seriesLabel, data: spec.entries.map((e) => e.value), backgroundColor: RED },
            ],
          },
          options: {
            indexAxis: "y",
            plugins: { ...title(spec.title, spec.subtitle), legend: { display: false } },
            scales: { x: { beginAtZero: true, title: { display: true, text: spec.seriesLabel } } },
          },
        },
      };
    case "trend":
      return {
        width: 800,
        height: 450,
        config: {
          type: "line",
          data: {
            labels: spec.points.map((p) => p.label),
            datasets: [
              {
                label: spec.seriesLabel,
                data: spec.points.map((p) => p.percent),
                borderColor: RED,
                backgroundColor: RED,
                borderWidth: 3,
                pointRadius: 5,
                spanGaps: true,
              },
            ],
          },
          options: {
            plugins: { ...title(spec.title), legend: { display: false } },
            scales: { y: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } } },
          },
        },
      };
    case "compliance": {
      const bars = spec.branches.slice(0, MAX_COMPLIANCE_BARS);
      return {
        width: 900,
        height: Math.max(400, 180 + bars.length * 44),
        config: {
          type: "bar",
          data: {
            labels: bars.map((b) => b.label),
            datasets: [
              {
                label: spec.completionLabel,
                data: bars.map((b) => b.completionPercent),
                backgroundColor: RED,
              },
              {
                label: spec.attendanceLabel,
                data: bars.map((b) => b.attendancePercent),
                backgroundColor: bars.map((b) => (b.attendancePercent === null ? GREY : GOLD)),
              },
            ],
          },
          options: {
            indexAxis: "y",
            plugins: { ...title(spec.title), legend: { position: "bottom" } },
            scales: { x: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } } },
          },
        },
      };
    }
  }
}

// The fonts charts are drawn with. Servers often have no CJK font at all, and a canvas then draws
// a box for every Chinese character; so the project ships Noto Sans SC (@embedpdf/fonts-sc, OFL)
// and registers it explicitly rather than trusting whatever the host has.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { GlobalFonts } from "@napi-rs/canvas";

/** The family name the shipped OTF files declare. */
export const CHART_FONT_FAMILY = "Noto Sans S Chinese";

let registered = false;

/** Registers the regular and bold faces once per process; returns the family to draw with. */
export function ensureChartFonts(): string {
  if (registered) return CHART_FONT_FAMILY;
  const dir = fontsDirectory();
  for (const face of ["NotoSansHans-Regular.otf", "NotoSansHans-Bold.otf"])
    GlobalFonts.registerFromPath(path.join(dir, face), CHART_FONT_FAMILY);
  if (!GlobalFonts.has(CHART_FONT_FAMILY)) throw new Error(`font ${CHART_FONT_FAMILY} did not register`);
  registered = true;
  return CHART_FONT_FAMILY;
}

/** The package's `exports` hide its fonts folder: resolve the entry and walk up to it. */
function fontsDirectory(): string {
  const require = createRequire(import.meta.url);
  let dir = path.dirname(require.resolve("@embedpdf/fonts-sc"));
  while (!existsSync(path.join(dir, "fonts"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("@embedpdf/fonts-sc has no fonts folder");
    dir = parent;
  }
  return path.join(dir, "fonts");
}

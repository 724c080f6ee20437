import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { LOCALES, loadCatalogues } from "../../src/core/i18n.js";
import { ROLES } from "../../src/core/roles.js";
import { summaryKey, usageKey } from "../../src/runtime/command.js";

function keys(tree: unknown, prefix = ""): string[] {
  if (typeof tree !== "object" || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.parentPath.includes("generated"))
    .map((e) => `${e.parentPath}/${e.name}`);
}

describe("message catalogues", () => {
  const catalogues = loadCatalogues();
  const zh = new Set(keys(catalogues["zh-CN"]));

  it("has the same keys in every language", () => {
    for (const locale of LOCALES) expect(new Set(keys(catalogues[locale])), locale).toEqual(zh);
  });

  it("has a summary and a usage line for every command", () => {
    for (const command of commands) {
      expect(zh.has(summaryKey(command.name)), command.name).toBe(true);
      expect(zh.has(usageKey(command.name)), command.name).toBe(true);
    }
  });

  it("names every role", () => {
    for (const role of ROLES) expect(zh.has(`roles.${role}`), role).toBe(true);
  });

  it("has every key the code asks for by name", () => {
    const used = [...sourceFiles("src"), ...sourceFiles("commands")].flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/\bt\("([a-zA-Z]+\.[a-zA-Z.]+)"/g)].map((m) => m[1] ?? ""),
    );
    expect(used.length).toBeGreaterThan(5);
    for (const key of used) expect(zh.has(key), key).toBe(true);
  });
});

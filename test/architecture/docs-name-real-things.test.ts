// The README and docs/ name files, commands and settings; each named one must exist, so the docs
// cannot drift from the code unnoticed. Names are read from `code spans`.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { jobs } from "../../jobs/index.js";
import { CONFIG_VARIABLES } from "../../src/config.js";

const root = path.resolve(import.meta.dirname, "../..");
const DOCS = [
  "README.md",
  "README.en.md",
  "jobs/README.md",
  ...readdirSync(path.join(root, "docs")).map((f) => `docs/${f}`),
];
const TREES = ["src", "commands", "jobs", "test", "bench", "scripts", "prisma", "docs", ".ci"];

function filesUnder(folder: string): string[] {
  const full = path.join(root, folder);
  if (!existsSync(full)) return [];
  return readdirSync(full).flatMap((entry) => {
    const rel = `${folder}/${entry}`;
    if (entry === "node_modules" || entry === "generated") return [];
    return statSync(path.join(root, rel)).isDirectory() ? [rel, ...filesUnder(rel)] : [rel];
  });
}

const rootFiles = readdirSync(root).filter((f) => statSync(path.join(root, f)).isFile());
const tracked = [...rootFiles, ...TREES.flatMap(filesUnder)];
const basenames = new Set(tracked.map((f) => path.posix.basename(f)));
/** Every identifier the code and scripts use (constants and the variables they read). */
const sourceText = tracked
  .filter((f) => /\.(ts|mjs|cjs)$|^\.ci\//.test(f))
  .map((f) => readFileSync(path.join(root, f), "utf8"))
  .join("\n");
const spans = (file: string) =>
  [...readFileSync(path.join(root, file), "utf8").matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? "");

/** A path or a file name the docs mention, as written (`src/x.ts`, `test/e2e/`, `limits.ts`). */
function namedFiles(span: string): string[] {
  return span
    .split(/[\s,()]+/)
    .filter((w) =>
      /^[\w.-]+(\/[\w.{},*<>-]*)*\.(ts|mjs|cjs|json|prisma|md|yml)$|^(src|test|bench|commands|jobs|scripts|prisma|docs)\/[\w/-]*$/.test(
        w,
      ),
    )
    .filter((w) => !/[{}*<>]/.test(w) && !w.startsWith("../"));
}

/** A path from the root, or the end of one (`charts/stored-reply.ts`), or a file's name. */
function exists(name: string): boolean {
  const bare = name.replace(/\/$/, "");
  if (existsSync(path.join(root, bare))) return true;
  if (!bare.includes("/")) return basenames.has(bare);
  return existsSync(path.join(root, bare)) || tracked.some((f) => f.endsWith(`/${bare}`));
}

const commandWords = new Set(commands.flatMap((c) => [c.name, ...c.aliases]));
const jobVariables = new Set(jobs.map((j) => `JOB_${j.id.toUpperCase().replaceAll("-", "_")}_CRON`));
/** Slash words the docs use that are not the bot's commands: its HTTP paths, @BotFather's. */
const NOT_COMMANDS = new Set(["healthz", "readyz", "cmd", "newbot", "party"]);

/** A setting or constant is real when the bot reads it or the code defines it. */
const realName = (name: string) =>
  name.endsWith("_")
    ? CONFIG_VARIABLES.some((v) => v.startsWith(name))
    : CONFIG_VARIABLES.includes(name) ||
      jobVariables.has(name) ||
      new RegExp(`\\b${name}\\b`).test(sourceText);

describe("what the docs name exists", () => {
  it.each(DOCS)("%s names only files that exist", (doc) => {
    const missing = spans(doc)
      .flatMap(namedFiles)
      .filter((name) => !exists(name));
    expect([...new Set(missing)]).toEqual([]);
  });

  it.each(DOCS)("%s names only commands the bot has", (doc) => {
    const unknown = spans(doc)
      .flatMap((span) => [...span.matchAll(/(?:^|\s)\/([a-z][a-z_]*)(?=\s|$)/g)].map((m) => m[1] ?? ""))
      .filter((word) => !commandWords.has(word) && !NOT_COMMANDS.has(word));
    expect([...new Set(unknown)]).toEqual([]);
  });

  it.each(DOCS)("%s names only settings the bot reads", (doc) => {
    const unknown = spans(doc)
      .flatMap((span) => [...span.matchAll(/\b([A-Z][A-Z0-9]*_[A-Z0-9_]+)\b/g)].map((m) => m[1] ?? ""))
      .filter((name) => !realName(name));
    expect([...new Set(unknown)]).toEqual([]);
  });
});

describe("what the docs promise is there", () => {
  const commandsDoc = readFileSync(path.join(root, "docs/commands.md"), "utf8");

  it.each(commands.map((c) => c.name))("docs/commands.md describes /%s", (name) => {
    expect(commandsDoc).toMatch(new RegExp(`\`/${name}(?=[\\s\`])`));
  });

  // The Chinese README first (the people the bot is for), the English one beside it; each opens
  // with the pitch and the quick start, whose scripts exist.
  it.each([
    ["README.md", "## 快速开始", "## 功能"],
    ["README.en.md", "## Quick start", "## What it does"],
  ])("opens %s with the pitch and the quick start, whose scripts exist", (file, start, next) => {
    const text = readFileSync(path.join(root, file), "utf8");
    const firstScreen = text.split("\n").slice(0, 40).join("\n");
    expect(firstScreen).toContain(start);
    const scripts = Object.keys(
      (
        JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
          scripts: Record<string, string>;
        }
      ).scripts,
    );
    const quickStart = text.slice(text.indexOf(start), text.indexOf(next));
    expect(quickStart.length).toBeGreaterThan(start.length);
    for (const [, script] of quickStart.matchAll(/^npm (?:run )?([\w:]+)/gm))
      expect(["install", ...scripts]).toContain(script);
  });
});

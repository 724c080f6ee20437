// Small files with one job: past 300 lines a source file holds two, past 400 a test tells two
// stories, and a function past 80 lines is several steps that want names.
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "../support/import-graph.js";

const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const lineCount = (text: string) => text.replace(/\n$/, "").split("\n").length;
const production = ["src", "commands", "jobs"].flatMap((folder) => sourceFiles(root, folder));
const tests = sourceFiles(root, "test");

function longFunctions(file: string, limit: number): string[] {
  const source = ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const last = source.getLineAndCharacterOfPosition(node.end).line;
      if (last - first + 1 > limit) found.push(`${file}:${first + 1} (${last - first + 1} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("the size of things", () => {
  it("keeps every source file within 300 lines", () => {
    expect(production.filter((f) => lineCount(read(f)) > 300)).toEqual([]);
  });

  it("keeps every test file within 400 lines", () => {
    expect(tests.filter((f) => lineCount(read(f)) > 400)).toEqual([]);
  });

  it("keeps every function of the source within 80 lines", () => {
    expect(production.flatMap((f) => longFunctions(f, 80))).toEqual([]);
  });
});

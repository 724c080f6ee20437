import path from "node:path";
import { describe, expect, it } from "vitest";
import { climbingImports, importCircles, importGraph, roomOf } from "../support/import-graph.js";
import { ROOMS } from "./rooms.js";

const root = path.resolve(import.meta.dirname, "../..");
const { files, edges } = importGraph(root);

describe("the rooms of the house", () => {
  it("puts every source file in a room", () => {
    for (const file of files) expect(() => roomOf(ROOMS, file)).not.toThrow();
  });

  it("has no import circles", () => {
    expect(importCircles(files, edges)).toEqual([]);
  });

  it("never imports from a higher room", () => {
    const climbing = climbingImports(ROOMS, edges).map(
      (e) => `${e.from} (${roomOf(ROOMS, e.from).name}) → ${e.to} (${roomOf(ROOMS, e.to).name})`,
    );
    expect(climbing).toEqual([]);
  });
});

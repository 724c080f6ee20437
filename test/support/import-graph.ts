// The project's import graph, read from the source as TypeScript reads it (static, dynamic and
// type-only imports alike), with every file placed in a room of the house. The rooms and the
// arrows they allow are docs/architecture.md's picture; test/architecture/rooms.test.ts keeps
// the code to it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export interface Room {
  name: string;
  /** Rooms may import from rooms of a lower rank, never of a higher one. */
  rank: number;
  /** Whether files of this room may import other rooms of the same rank (the domain slices may). */
  peers: boolean;
  /** Which files are in it: paths relative to the repository, first matching room wins. */
  holds(file: string): boolean;
}

export interface Edge {
  from: string;
  to: string;
}

const SOURCE_FOLDERS = ["src", "commands", "jobs"];

/** The TypeScript files under a folder of the repository, as paths relative to it. */
export function sourceFiles(root: string, folder: string): string[] {
  const dir = path.join(root, folder);
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    const rel = path.posix.join(folder, entry);
    if (rel === "src/generated") continue;
    if (statSync(full).isDirectory()) out.push(...sourceFiles(root, rel));
    else if (entry.endsWith(".ts") && !entry.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

/** Every relative import between the project's own source files (generated code left out). */
export function importGraph(root: string): { files: string[]; edges: Edge[] } {
  const files = SOURCE_FOLDERS.flatMap((folder) => sourceFiles(root, folder));
  const known = new Set(files);
  const edges: Edge[] = [];
  for (const from of files) {
    const text = readFileSync(path.join(root, from), "utf8");
    const { importedFiles } = ts.preProcessFile(text, true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith(".")) continue;
      const to = path.posix
        .normalize(path.posix.join(path.posix.dirname(from), fileName))
        .replace(/\.js$/, ".ts");
      if (known.has(to)) edges.push({ from, to });
    }
  }
  return { files, edges };
}

export function roomOf(rooms: readonly Room[], file: string): Room {
  const room = rooms.find((r) => r.holds(file));
  if (!room) throw new Error(`${file} is in no room: add it to the rooms`);
  return room;
}

/** Imports that go from a room to a higher one, or sideways between rooms that are not peers. */
export function climbingImports(rooms: readonly Room[], edges: readonly Edge[]): Edge[] {
  return edges.filter(({ from, to }) => {
    const a = roomOf(rooms, from);
    const b = roomOf(rooms, to);
    if (a === b) return false;
    return b.rank > a.rank || (b.rank === a.rank && !a.peers);
  });
}

/** Groups of files that import each other round in a circle (Tarjan's strongly connected parts). */
export function importCircles(files: readonly string[], edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const { from, to } of edges) next.get(from)?.push(to);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  let counter = 0;
  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter);
    counter++;
    stack.push(file);
    onStack.add(file);
    for (const to of next.get(file) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(to) ?? 0));
      } else if (onStack.has(to)) low.set(file, Math.min(low.get(file) ?? 0, index.get(to) ?? 0));
    }
    if (low.get(file) !== index.get(file)) return;
    const part: string[] = [];
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
      onStack.delete(top);
      part.push(top);
      if (top === file) break;
    }
    if (part.length > 1 || (next.get(file) ?? []).includes(file)) circles.push(part.sort());
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return circles;
}

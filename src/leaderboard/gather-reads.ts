// A board page's independent reads. Off this thread (PostgreSQL, SQLite's read worker) they run at
// once. On it (SQLite through Prisma, inside a transaction) they run one after another with a turn
// of the event loop before each, so timers and other updates are not held up for a page's worth of
// queries.
import { yieldToLoop } from "../core/yield-to-loop.js";

export async function gatherReads<T extends unknown[]>(
  offThread: boolean,
  ...reads: { [K in keyof T]: () => Promise<T[K]> }
): Promise<T> {
  if (offThread) return (await Promise.all(reads.map((read) => read()))) as T;
  const out: unknown[] = [];
  for (const read of reads) {
    await yieldToLoop();
    out.push(await read());
  }
  return out as T;
}

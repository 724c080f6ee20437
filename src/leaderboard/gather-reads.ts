// A board page's independent reads. SQLite answers on this thread, so there they run one after
// another with a turn of the event loop before each (timers and other updates are not held up for
// a page's worth of queries); PostgreSQL runs them at once, off this thread.
import { yieldToLoop } from "../core/yield-to-loop.js";

export async function gatherReads<T extends unknown[]>(
  provider: "sqlite" | "postgresql",
  ...reads: { [K in keyof T]: () => Promise<T[K]> }
): Promise<T> {
  if (provider === "postgresql") return (await Promise.all(reads.map((read) => read()))) as T;
  const out: unknown[] = [];
  for (const read of reads) {
    await yieldToLoop();
    out.push(await read());
  }
  return out as T;
}

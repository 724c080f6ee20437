import { describe, expect, it } from "vitest";
import { Coalescer } from "../../src/core/coalescer.js";

/** Work that records when it ran and finishes when told to. */
function gate() {
  const runs: number[] = [];
  let release: (() => void)[] = [];
  let n = 0;
  const work = () => {
    n += 1;
    runs.push(n);
    return new Promise<void>((resolve) => release.push(resolve));
  };
  const open = () => {
    const waiting = release;
    release = [];
    for (const r of waiting) r();
  };
  return { runs, work, open };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("coalescing a burst of the same update", () => {
  it("runs a key's work once at a time and folds everything that arrives meanwhile into one more run", async () => {
    const coalescer = new Coalescer();
    const { runs, work, open } = gate();
    const first = coalescer.run("announcement:H1", work);
    const later = Array.from({ length: 50 }, () => coalescer.run("announcement:H1", work));
    await tick();
    expect(runs).toEqual([1]);
    open();
    await first;
    await tick();
    expect(runs).toEqual([1, 2]);
    open();
    await Promise.all(later);
    expect(runs).toEqual([1, 2]);
  });

  it("makes a caller that arrives during the second run wait for a third, never for the whole burst", async () => {
    const coalescer = new Coalescer();
    const { runs, work, open } = gate();
    void coalescer.run("k", work);
    const second = coalescer.run("k", work);
    open();
    await tick();
    const third = coalescer.run("k", work);
    let secondDone = false;
    void second.then(() => {
      secondDone = true;
    });
    open();
    await second;
    expect(secondDone).toBe(true);
    await tick();
    expect(runs).toEqual([1, 2, 3]);
    open();
    await third;
  });

  it("keeps keys apart and passes a failure to the callers of that run only", async () => {
    const coalescer = new Coalescer();
    let calls = 0;
    const failing = coalescer.run("a", async () => {
      calls += 1;
      throw new Error("数据库暂时不可用");
    });
    const other = coalescer.run("b", async () => {
      calls += 1;
    });
    await expect(failing).rejects.toThrow("数据库暂时不可用");
    await expect(other).resolves.toBeUndefined();
    await expect(coalescer.run("a", async () => {})).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });
});

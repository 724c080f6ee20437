// Latency statistics and the table the benchmarks print.
export interface Stats {
  count: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export function summarize(latenciesMs: number[], wallMs: number): Stats {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    count: sorted.length,
    perSecond: (sorted.length / wallMs) * 1000,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
  };
}

/** Runs op `count` times with `concurrency` in flight, timing each call. */
export async function measure(
  count: number,
  concurrency: number,
  op: (i: number) => Promise<unknown>,
): Promise<Stats> {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        await op(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return summarize(latencies, performance.now() - start);
}

export function printTable(title: string, rows: { label: string; stats: Stats; ratio?: number }[]): void {
  console.log(`\n${title}`);
  console.log("  case                                          ops/s     p50 ms    p99 ms   vs raw");
  for (const { label, stats, ratio } of rows) {
    const cells = [
      label.padEnd(44),
      stats.perSecond.toFixed(0).padStart(8),
      stats.p50Ms.toFixed(3).padStart(10),
      stats.p99Ms.toFixed(3).padStart(9),
      ratio === undefined ? "".padStart(8) : `${ratio.toFixed(1)}×`.padStart(8),
    ];
    console.log(`  ${cells.join(" ")}`);
  }
}

// Benchmark: reading 10,000 day-and-time phrases as secretaries type them (target < 1 s), through
// understandWhen as /schedule does, against the organisation's zone and an injected clock. The
// floor is a plain regular-expression scan of the same strings in the same run. It needs no
// database, so it runs once, on the SQLite pass.
import type { DatabaseConfig } from "../src/config.js";
import { understandWhen } from "../src/meetings/time-phrase/understand-when.js";

const COUNT = 10_000;
const DAYS = [
  "明天",
  "后天",
  "大后天",
  "下周三",
  "这周五",
  "周五",
  "下周日",
  "本月15号",
  "下月3号",
  "十二月十五日",
  "12月20日",
  "2027年1月5日",
  "１２月１５日",
];
const TIMES = [
  "晚上7点半",
  "14:30",
  "上午9点",
  "下午两点半",
  "下午3点到5点",
  "三点一刻",
  "中午12点",
  "晚上12点",
  "19时30分",
  "",
  "９：３０",
  "早上八点",
];
const NOW = new Date("2026-12-02T02:00:00Z");

export function phraseCorpus(count: number): string[] {
  const phrases: string[] = [];
  for (let i = 0; phrases.length < count; i++) {
    const day = DAYS[i % DAYS.length] ?? "";
    const time = TIMES[Math.floor(i / DAYS.length) % TIMES.length] ?? "";
    phrases.push(i % 3 === 0 ? `${day} ${time}`.trim() : `${day}${time}`);
  }
  return phrases;
}

export async function benchTimePhrases(database: DatabaseConfig): Promise<void> {
  if (database.provider !== "sqlite") return;
  const phrases = phraseCorpus(COUNT);
  for (const p of phrases.slice(0, 200)) understandWhen(p, NOW, "Asia/Shanghai"); // warm the JIT
  const floorStart = performance.now();
  let digits = 0;
  for (const p of phrases) if (/\d|[一二三四五六七八九十]/.test(p)) digits++;
  const floorMs = performance.now() - floorStart;
  const start = performance.now();
  const kinds = { instant: 0, question: 0 };
  for (const p of phrases) kinds[understandWhen(p, NOW, "Asia/Shanghai").kind]++;
  const seconds = (performance.now() - start) / 1000;
  console.log("\nTime phrases (no database)");
  console.log(
    `  ${COUNT} phrases read in ${seconds.toFixed(3)} s (target < 1 s: ${seconds < 1 ? "met" : "NOT met"}) · ${((seconds * 1e6) / COUNT).toFixed(1)} µs each · ${kinds.instant} instants, ${kinds.question} questions · regex scan floor ${floorMs.toFixed(1)} ms (${digits} with digits), ${((seconds * 1000) / Math.max(floorMs, 0.01)).toFixed(0)}×`,
  );
}

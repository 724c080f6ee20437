// npm run demo: seeds a realistic sample into its own database — ./data/demo.db (DEMO_SQLITE_PATH),
// or DEMO_DATABASE_URL; never the DATABASE_URL the real bot uses — and opens the console as the
// secretary of 幸福里社区党支部.
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { systemClock } from "../src/core/clock.js";
import { silentLogger } from "../src/core/logger.js";
import { DEMO_SECRETARY, seedDemo } from "../src/demo/demo-seed.js";
import { exitOnStartFailure, run } from "../src/run.js";

async function demo(): Promise<void> {
  const env = {
    ...process.env,
    // Sample members must never land in the real installation's database.
    DATABASE_URL: process.env.DEMO_DATABASE_URL ?? "",
    SQLITE_PATH: process.env.DEMO_SQLITE_PATH ?? "./data/demo.db",
  };
  const app = await createApp({ config: loadConfig(env), clock: systemClock, logger: silentLogger });
  const seeded = await seedDemo(app.services, systemClock.now());
  await app.close();
  console.log(
    seeded
      ? "演示数据已生成：南湖街道党工委 · 幸福里、和平里两个社区党支部 · 30 名党员。"
      : "使用已有的演示数据。",
  );
  console.log(
    "试试：/help · /members · /orgs · /settings · :as wangfang 王芳 · :as chenxiuying 陈秀英 · :in 和平里党员群",
  );
  await run(
    [
      "--as",
      `${DEMO_SECRETARY.id}:${DEMO_SECRETARY.name}`,
      "--in",
      DEMO_SECRETARY.chat,
      ...process.argv.slice(2),
    ],
    env,
  );
}

demo().catch(exitOnStartFailure);

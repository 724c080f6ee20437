// What the process is told before it opens anything: the command-line flags, the environment
// (and a .env beside it), the jobs' cron overrides, and which platforms are configured.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { jobs } from "../../jobs/index.js";
import type { PlatformAdapter } from "../adapters/contract.js";
import { CONFIG_VARIABLES, type Config, loadConfig } from "../config.js";
import { ADAPTERS } from "../platforms.js";
import { checkCronOverrides } from "../scheduler/scheduler.js";
import { type UnknownVariable, unknownVariables, unknownVariableText } from "../startup-checks.js";

export interface ConsoleFlags {
  /** `--as id:名字`: who types in the console. */
  as?: string;
  /** `--in chat`: the group chat typed in. */
  in?: string;
  /** `--dm`: the person's private chat instead. */
  dm?: boolean;
}

export interface ProcessSettings {
  config: Config;
  flags: ConsoleFlags;
  /** The platforms configured, each with its settings; none: the console chat. */
  // biome-ignore lint/suspicious/noExplicitAny: each adapter has settings of its own shape.
  configured: { adapter: PlatformAdapter<any>; settings: unknown }[];
  /** Variables set that the bot does not know (a typo, as a rule), already told on stderr. */
  unknown: UnknownVariable[];
}

export function readSettings(argv: string[], env: NodeJS.ProcessEnv): ProcessSettings {
  const { values: flags } = parseArgs({
    args: argv,
    options: { as: { type: "string" }, in: { type: "string" }, dm: { type: "boolean" } },
    allowPositionals: false,
  });
  // A .env where the bot is started is read when there is one; the environment wins over it.
  if (env === process.env && existsSync(".env")) process.loadEnvFile(".env");
  // Everything the configuration says is checked before anything is opened or called.
  const config = loadConfig(env);
  checkCronOverrides(jobs, env);
  const unknown = unknownVariables(
    env,
    CONFIG_VARIABLES,
    jobs.map((j) => j.id),
  );
  for (const variable of unknown) process.stderr.write(`${unknownVariableText(variable)}\n`);
  const configured = ADAPTERS.flatMap((adapter) => {
    const settings = adapter.settings(config);
    return settings === undefined ? [] : [{ adapter, settings }];
  });
  return { config, flags, configured, unknown };
}

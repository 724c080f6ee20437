// A configuration that cannot be used, told in Chinese first and then in English, one line per
// variable: zod's own words for a wrong type or range (in each language), ours for a wrong shape.
import type { z } from "zod";
import zhCN from "zod/v4/locales/zh-CN.js";

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Our refinements' messages, in English as written in the schema, with their Chinese. */
const CHINESE: Record<string, string> = {
  "must start with postgres://, postgresql:// or file:": "必须以 postgres://、postgresql:// 或 file: 开头",
  "must be an IANA time zone such as Asia/Shanghai": "必须是 IANA 时区名，如 Asia/Shanghai",
  "looks like 123456789:AA… from @BotFather": "应是 @BotFather 给的 123456789:AA… 形式",
  "must be an https:// URL": "必须是 https:// 开头的网址",
  "16–256 characters of A-Z a-z 0-9 _ -": "应为 16–256 个字符，只含 A-Z a-z 0-9 _ -",
  "must be a bot token (xoxb-…)": "必须是机器人令牌（xoxb-…）",
  "must be an app-level token (xapp-…) for Socket Mode": "必须是 Socket Mode 用的应用级令牌（xapp-…）",
  "both are needed when TELEGRAM_MODE=webhook": "TELEGRAM_MODE=webhook 时两项都要填",
  "needed with SLACK_BOT_TOKEN": "填了 SLACK_BOT_TOKEN 就必须填",
};

export interface ConfigProblem {
  variable: string;
  /** In English; its Chinese is looked up, or given. */
  message: string;
  chinese?: string;
}

export function configError(problems: readonly ConfigProblem[]): ConfigError {
  const zh = problems.map((p) => `  ${p.variable}：${p.chinese ?? CHINESE[p.message] ?? p.message}`);
  const en = problems.map((p) => `  ${p.variable}: ${p.message}`);
  return new ConfigError(
    `配置有误（见 .env.example）：\n${zh.join("\n")}\nInvalid configuration (see .env.example):\n${en.join("\n")}`,
  );
}

const chineseIssues = zhCN().localeError;

/** The issues of a failed parse, each with zod's Chinese for it where the message is zod's own. */
export function problemsOf(schema: z.ZodType, input: unknown, error: z.ZodError): ConfigProblem[] {
  const inChinese = schema.safeParse(input, { error: chineseIssues });
  const zhIssues = inChinese.success ? [] : inChinese.error.issues;
  return error.issues.map((issue, i) => {
    const zh = zhIssues[i]?.message;
    const variable = issue.path.join(".");
    return CHINESE[issue.message] || !zh
      ? { variable, message: issue.message }
      : { variable, message: issue.message, chinese: zh };
  });
}

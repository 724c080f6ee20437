// Configuration comes only from the environment and is validated once, at boot, so a typo in a
// variable fails fast with a message that names it instead of surfacing later as odd behaviour.
import { z } from "zod";
import { configError, problemsOf } from "./config-errors.js";

const databaseUrl = z
  .string()
  .trim()
  .refine((value) => value === "" || /^(postgres(ql)?:\/\/|file:)/.test(value), {
    message: "must start with postgres://, postgresql:// or file:",
  })
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const timeZone = z
  .string()
  .default("Asia/Shanghai")
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    { message: "must be an IANA time zone such as Asia/Shanghai" },
  );

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: databaseUrl,
  SQLITE_PATH: z.string().trim().min(1).default("./data/party-bot.db"),
  DEFAULT_LOCALE: z.enum(["zh-CN", "en"]).default("zh-CN"),
  DEFAULT_TIME_ZONE: timeZone,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_FILE: z.string().trim().min(1).default("./data/logs/bot.log"),
  PRIVATE_DIR: z.string().trim().min(1).default("./data/private"),
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HTTP_HOST: z.string().trim().min(1).default("127.0.0.1"),
  /** The bot's HTTP address as people's phones reach it (calendar subscription links). */
  PUBLIC_URL: z.union([z.literal(""), z.string().trim().url()]).default(""),
  CONSOLE_USER: z.string().trim().min(1).default("console-user"),
  /** Empty: the console opens in the person's private chat, where the first steps work. */
  CONSOLE_CHAT: z.string().trim().default(""),
  BOOTSTRAP_ADMINS: z
    .string()
    .trim()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(/^(console|telegram|slack):[^:\s]+$/, "comma-separated platform:id, e.g. telegram:123456789")
          .transform((ref) => {
            const [platform, id] = ref.split(":") as ["console" | "telegram" | "slack", string];
            return { platform, id };
          }),
      ),
    ),
  TELEGRAM_BOT_TOKEN: z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || /^\d+:[\w-]{20,}$/.test(v), {
      message: "looks like 123456789:AA… from @BotFather",
    }),
  TELEGRAM_MODE: z.enum(["polling", "webhook"]).default("polling"),
  TELEGRAM_WEBHOOK_URL: z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || /^https:\/\//.test(v), { message: "must be an https:// URL" }),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || /^[A-Za-z0-9_-]{16,256}$/.test(v), {
      message: "16–256 characters of A-Z a-z 0-9 _ -",
    }),
  TELEGRAM_API_ROOT: z.string().trim().default(""),
  SLACK_BOT_TOKEN: z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || v.startsWith("xoxb-"), { message: "must be a bot token (xoxb-…)" }),
  SLACK_SIGNING_SECRET: z.string().trim().default(""),
  SLACK_APP_TOKEN: z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || v.startsWith("xapp-"), {
      message: "must be an app-level token (xapp-…) for Socket Mode",
    }),
  SLACK_API_URL: z.string().trim().default(""),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Chats sent to at once, per platform: at 250 ms per API call, 16 keep Telegram's 30/s. */
  DELIVERY_CONCURRENCY_TELEGRAM: z.coerce.number().int().min(1).max(64).default(16),
  DELIVERY_CONCURRENCY_SLACK: z.coerce.number().int().min(1).max(64).default(8),
  /** How long an instance holds the chats it claimed; after a crash, the wait before another takes over. */
  DELIVERY_LEASE_MS: z.coerce.number().int().min(2_000).max(600_000).default(60_000),
  /** How long a scheduled run's claim holds unrenewed; after a crash, the wait before another instance re-runs it. */
  JOB_LEASE_MS: z.coerce.number().int().min(2_000).max(3_600_000).default(120_000),
});

/** Every variable the bot reads; a test checks each is documented in .env.example. */
export const CONFIG_VARIABLES = Object.keys(envSchema.shape);

export type DatabaseConfig =
  | { provider: "sqlite"; path: string }
  | { provider: "postgresql"; url: string; schema: string };

export interface Config {
  env: "development" | "production" | "test";
  database: DatabaseConfig;
  defaultLocale: "zh-CN" | "en";
  defaultTimeZone: string;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  logFile: string;
  /** Where files with personal data are kept while they are sent (exports, uploads, charts). */
  privateDir: string;
  http: { host: string; port: number; publicUrl?: string };
  console: { user: string; chat: string };
  shutdownTimeoutMs: number;
  delivery: { concurrency: { telegram: number; slack: number }; leaseMs: number };
  jobs: { leaseMs: number };
  telegram?: {
    token: string;
    mode: "polling" | "webhook";
    webhookUrl?: string;
    webhookSecret?: string;
    /** How long a webhook request waits for its update before acknowledging it anyway (tests shorten it). */
    webhookAnswerMs?: number;
    apiRoot?: string;
  };
  slack?: { botToken: string; signingSecret: string; appToken?: string; apiUrl?: string };
  /** Accounts made installation administrators at startup (the alternative to /bootstrap). */
  bootstrapAdmins: { platform: "console" | "telegram" | "slack"; id: string }[];
}

export { ConfigError } from "./config-errors.js";

/** Splits Prisma's `?schema=` convention off a PostgreSQL URL; the driver itself does not know it. */
export function parsePostgresUrl(url: string): { url: string; schema: string } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? "public";
  parsed.searchParams.delete("schema");
  return { url: parsed.toString(), schema };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) throw configError(problemsOf(envSchema, env, result.error));
  const e = result.data;
  let database: DatabaseConfig;
  if (e.DATABASE_URL?.startsWith("postgres")) {
    database = { provider: "postgresql", ...parsePostgresUrl(e.DATABASE_URL) };
  } else {
    database = {
      provider: "sqlite",
      path: e.DATABASE_URL ? e.DATABASE_URL.slice("file:".length) : e.SQLITE_PATH,
    };
  }
  if (
    e.TELEGRAM_BOT_TOKEN &&
    e.TELEGRAM_MODE === "webhook" &&
    (!e.TELEGRAM_WEBHOOK_URL || !e.TELEGRAM_WEBHOOK_SECRET)
  ) {
    throw configError([
      {
        variable: "TELEGRAM_WEBHOOK_URL, TELEGRAM_WEBHOOK_SECRET",
        message: "both are needed when TELEGRAM_MODE=webhook",
      },
    ]);
  }
  const telegram = e.TELEGRAM_BOT_TOKEN
    ? {
        token: e.TELEGRAM_BOT_TOKEN,
        mode: e.TELEGRAM_MODE,
        ...(e.TELEGRAM_WEBHOOK_URL ? { webhookUrl: e.TELEGRAM_WEBHOOK_URL } : {}),
        ...(e.TELEGRAM_WEBHOOK_SECRET ? { webhookSecret: e.TELEGRAM_WEBHOOK_SECRET } : {}),
        ...(e.TELEGRAM_API_ROOT ? { apiRoot: e.TELEGRAM_API_ROOT } : {}),
      }
    : undefined;
  if (e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET) {
    throw configError([{ variable: "SLACK_SIGNING_SECRET", message: "needed with SLACK_BOT_TOKEN" }]);
  }
  const slack = e.SLACK_BOT_TOKEN
    ? {
        botToken: e.SLACK_BOT_TOKEN,
        signingSecret: e.SLACK_SIGNING_SECRET,
        ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
        ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
      }
    : undefined;
  return {
    ...(telegram ? { telegram } : {}),
    ...(slack ? { slack } : {}),
    env: e.NODE_ENV,
    database,
    defaultLocale: e.DEFAULT_LOCALE,
    defaultTimeZone: e.DEFAULT_TIME_ZONE,
    logLevel: e.LOG_LEVEL,
    logFile: e.LOG_FILE,
    privateDir: e.PRIVATE_DIR,
    http: { host: e.HTTP_HOST, port: e.HTTP_PORT, ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL } : {}) },
    console: { user: e.CONSOLE_USER, chat: e.CONSOLE_CHAT },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    delivery: {
      concurrency: { telegram: e.DELIVERY_CONCURRENCY_TELEGRAM, slack: e.DELIVERY_CONCURRENCY_SLACK },
      leaseMs: e.DELIVERY_LEASE_MS,
    },
    jobs: { leaseMs: e.JOB_LEASE_MS },
    bootstrapAdmins: e.BOOTSTRAP_ADMINS,
  };
}

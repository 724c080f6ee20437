// What start-up checks before it touches anything, and how it explains what went wrong: a
// misspelt variable is named with the one it probably meant; a database that cannot be reached, a
// database file that cannot be opened and a port already taken are each told in Chinese and
// English with the variable to change, instead of a driver's stack trace.
import { closest, distance } from "fastest-levenshtein";
import type { Config } from "./config.js";
import { cronVariable } from "./scheduler/job.js";

/** Variables with the bot's prefixes that other software sets: not the bot's, not misspelt. */
const NOT_OURS = new Set(["HTTP_PROXY", "NODE_ENV", "NODE_OPTIONS", "NODE_EXTRA_CA_CERTS"]);

export interface UnknownVariable {
  name: string;
  suggestion?: string;
}

/**
 * Variables that look like the bot's (they start with one of its prefixes) but are none of its
 * own: a setting that would otherwise be silently ignored.
 */
export function unknownVariables(
  env: NodeJS.ProcessEnv,
  known: readonly string[],
  jobIds: readonly string[],
): UnknownVariable[] {
  const all = [...known, ...jobIds.map(cronVariable)];
  const prefixes = new Set(all.map((name) => name.split("_")[0]).filter((p) => p && p !== "NODE"));
  const unknown: UnknownVariable[] = [];
  for (const name of Object.keys(env).sort()) {
    if (all.includes(name) || NOT_OURS.has(name) || !prefixes.has(name.split("_")[0] ?? "")) continue;
    const near = closest(name, all);
    unknown.push(distance(name, near) <= 3 ? { name, suggestion: near } : { name });
  }
  return unknown;
}

export function unknownVariableText(v: UnknownVariable): string {
  return v.suggestion
    ? `未知的配置项 ${v.name}，是不是 ${v.suggestion}？已忽略。 / Unknown setting ${v.name}: did you mean ${v.suggestion}? Ignored.`
    : `未知的配置项 ${v.name}，已忽略（见 .env.example）。 / Unknown setting ${v.name}, ignored (see .env.example).`;
}

/** A start-up failure explained for the person running the bot; exits with code 2. */
export class StartError extends Error {
  override name = "StartError";
}

const codeOf = (error: unknown): string => {
  const e = error as { code?: unknown; cause?: { code?: unknown }; errors?: { code?: unknown }[] };
  return String(e?.code ?? e?.cause?.code ?? e?.errors?.[0]?.code ?? "");
};

/** The database or the port, named with its variable; undefined for anything else. */
export function explainStartFailure(error: unknown, config: Config): StartError | undefined {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === "EADDRINUSE")
    return new StartError(
      `端口 ${config.http.host}:${config.http.port} 已被占用：请换一个 HTTP_PORT，或停止占用它的程序。\n` +
        `Port ${config.http.host}:${config.http.port} is already in use: set another HTTP_PORT, or stop what holds it.`,
    );
  if (config.database.provider === "postgresql") {
    // A server that takes the connection and closes it (a proxy, the wrong service on the port)
    // is as unreachable as one that refuses it.
    if (
      /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EPIPE|28P01|28000|3D000|Connection terminated|timeout expired|server closed the connection/i.test(
        `${code} ${message}`,
      )
    )
      return new StartError(
        `无法连接 PostgreSQL（DATABASE_URL）：${message}\n请检查 DATABASE_URL 的主机、端口、用户和数据库名，并确认数据库服务已启动。\n` +
          `Cannot connect to PostgreSQL (DATABASE_URL): ${message}\nCheck DATABASE_URL's host, port, user and database name, and that the server is running.`,
      );
    return undefined;
  }
  if (code === "DATABASE_IN_USE")
    return new StartError(
      `SQLite 数据库文件 ${config.database.path}（SQLITE_PATH）正被另一个机器人进程使用：同一个数据库只能运行一个进程。请先停止那个进程，或为这个进程设置另一个 SQLITE_PATH；要运行多个实例请用 PostgreSQL（DATABASE_URL）。\n` +
        `The SQLite database ${config.database.path} (SQLITE_PATH) is in use by another bot process: one process per database. Stop that one first, or give this one another SQLITE_PATH; several instances need PostgreSQL (DATABASE_URL).`,
    );
  if (/^SQLITE_(CANTOPEN|NOTADB|CORRUPT|READONLY|PERM|IOERR)|^EACCES|^ENOTDIR|^EISDIR|^EROFS/.test(code))
    return new StartError(
      `无法打开 SQLite 数据库文件 ${config.database.path}（SQLITE_PATH）：${message}\n请确认 SQLITE_PATH 指向本机器人的数据库文件，且所在目录可写。\n` +
        `Cannot open the SQLite database ${config.database.path} (SQLITE_PATH): ${message}\nCheck that SQLITE_PATH points at the bot's database file in a writable folder.`,
    );
  return undefined;
}

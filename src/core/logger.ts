// Structured JSON logs (pino). In console mode they go to a file so they do not interleave with
// the conversation in the terminal.
import { mkdirSync } from "node:fs";
import path from "node:path";
import pino, { type Logger } from "pino";

export type { Logger };

export function createLogger(level: string, file?: string): Logger {
  if (file) {
    mkdirSync(path.dirname(file), { recursive: true });
    return pino({ level, base: { app: "party-branch-bot" } }, pino.destination({ dest: file, sync: false }));
  }
  return pino({ level, base: { app: "party-branch-bot" } }, pino.destination({ dest: 2, sync: false }));
}

export const silentLogger: Logger = pino({ level: "silent" });

// Files with personal data (台账 exports with names and leave reasons, uploaded rosters, charts
// of named members) live under one private directory of the bot's own — never the shared temp
// folder: folders 0700, files 0600. A file sent to its person is deleted at once; whatever is
// left (the console shows a path to open, a chart queued for several chats) is swept after a day.
import { randomBytes } from "node:crypto";
import { chmod, mkdir, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";

export type PrivateKind = "exports" | "uploads" | "charts" | "calendar";

/** How long a file not deleted after sending is kept. */
export const RETENTION_MS = 24 * 3_600_000;

export class PrivateFiles {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** A new, private folder for one file of this kind; the file is then written at `path`. */
  async place(kind: PrivateKind, filename: string): Promise<string> {
    const dir = path.join(this.root, kind, randomBytes(6).toString("hex"));
    await mkdir(dir, { recursive: true, mode: 0o700 });
    // mkdir's mode is narrowed by the umask only: make sure every level is the bot's alone.
    for (const level of [this.root, path.join(this.root, kind), dir]) await chmod(level, 0o700);
    return path.join(dir, path.basename(filename));
  }

  /** Closes a written file to everyone but the bot. */
  async seal(file: string): Promise<string> {
    await chmod(file, 0o600);
    return file;
  }

  /** Deletes a file and its folder, if they are this store's; anything else is left alone. */
  async discard(file: string): Promise<void> {
    const resolved = path.resolve(file);
    if (!resolved.startsWith(`${this.root}${path.sep}`)) return;
    await rm(path.dirname(resolved), { recursive: true, force: true });
  }

  /** Deletes the folders older than the retention; returns how many. */
  async sweep(now: Date, retentionMs = RETENTION_MS): Promise<number> {
    let removed = 0;
    for (const kind of ["exports", "uploads", "charts", "calendar"] satisfies PrivateKind[]) {
      const base = path.join(this.root, kind);
      const entries = await readdir(base).catch(() => [] as string[]);
      for (const entry of entries) {
        const dir = path.join(base, entry);
        const info = await stat(dir).catch(() => undefined);
        if (info && now.getTime() - info.mtimeMs > retentionMs) {
          await rm(dir, { recursive: true, force: true });
          removed += 1;
        }
      }
    }
    return removed;
  }
}

// A document or photo sent with a command (a roster for /import, a scan for /develop) is saved to a
// private file the command can read (deleted once it ran, app.ts); files over 5 MB are not fetched.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Api } from "grammy";
import type { Document } from "grammy/types";

const MAX_BYTES = 5 * 1024 * 1024;

export async function downloadDocument(
  api: Api,
  token: string,
  apiRoot: string | undefined,
  document: Document,
  place: (filename: string) => Promise<string>,
): Promise<{ filename: string; path: string } | undefined> {
  if ((document.file_size ?? 0) > MAX_BYTES) return undefined;
  const file = await api.getFile(document.file_id);
  if (!file.file_path) return undefined;
  const response = await fetch(`${apiRoot ?? "https://api.telegram.org"}/file/bot${token}/${file.file_path}`);
  if (!response.ok) return undefined;
  const filename = path.basename(document.file_name ?? "upload");
  const target = await place(filename);
  await writeFile(target, Buffer.from(await response.arrayBuffer()), { mode: 0o600 });
  return { filename, path: target };
}

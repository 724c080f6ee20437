// A document sent with a command (a roster for /import) is saved to a temporary file the
// command can read; files over 5 MB are not fetched.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Api } from "grammy";
import type { Document } from "grammy/types";

const MAX_BYTES = 5 * 1024 * 1024;

export async function downloadDocument(
  api: Api,
  token: string,
  apiRoot: string | undefined,
  document: Document,
): Promise<{ filename: string; path: string } | undefined> {
  if ((document.file_size ?? 0) > MAX_BYTES) return undefined;
  const file = await api.getFile(document.file_id);
  if (!file.file_path) return undefined;
  const response = await fetch(`${apiRoot ?? "https://api.telegram.org"}/file/bot${token}/${file.file_path}`);
  if (!response.ok) return undefined;
  const filename = path.basename(document.file_name ?? "upload");
  const target = path.join(mkdtempSync(path.join(tmpdir(), "party-bot-upload-")), filename);
  writeFileSync(target, Buffer.from(await response.arrayBuffer()));
  return { filename, path: target };
}

// A document or photo sent with a command (a roster for /import, a scan for /develop) is saved to a
// private file the command can read (deleted once it ran, app.ts); files over 5 MB are not fetched.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Api } from "grammy";
import type { Document, Message } from "grammy/types";

const MAX_BYTES = 5 * 1024 * 1024;

/** What a message carries to keep: a document as sent, a photo at its largest size (named after the message: photos have no name). */
export function uploadOf(message: Pick<Message, "document" | "photo" | "message_id">): Document | undefined {
  if (message.document) return message.document;
  const photo = message.photo?.at(-1);
  if (!photo) return undefined;
  return {
    file_id: photo.file_id,
    file_unique_id: photo.file_unique_id,
    ...(photo.file_size ? { file_size: photo.file_size } : {}),
    file_name: `照片-${message.message_id}.jpg`,
  };
}

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

// Button payloads for Telegram's callback_data (at most 64 bytes): the command and its arguments,
// signed, so a client cannot forge a button press for a command or arguments the bot never showed.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

const SEP = "\u001f";
const SIG_LENGTH = 10;
const MAX_BYTES = 64;

const decoded = z.object({
  command: z.string().regex(/^[a-z_]{1,32}$/),
  args: z.array(z.string().max(40)).max(6),
});

function sign(secret: string, body: string): string {
  return createHmac("sha256", secret).update(body).digest("base64url").slice(0, SIG_LENGTH);
}

export function encodeCallback(secret: string, command: string, args: string[]): string {
  const body = [command, ...args].join(SEP);
  const data = `${sign(secret, body)}${body}`;
  if (Buffer.byteLength(data, "utf8") > MAX_BYTES) throw new Error(`callback data too long for ${command}`);
  return data;
}

/** The command and arguments of a pressed button, or null when the data was not signed by us. */
export function decodeCallback(secret: string, data: string): z.infer<typeof decoded> | null {
  if (data.length <= SIG_LENGTH) return null;
  const sig = data.slice(0, SIG_LENGTH);
  const body = data.slice(SIG_LENGTH);
  const expected = sign(secret, body);
  // Compared as bytes: a forged signature of other characters (any bytes may arrive) has as many
  // characters as ours but not as many bytes, and timingSafeEqual throws on unequal lengths.
  const given = Buffer.from(sig);
  const wanted = Buffer.from(expected);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return null;
  const [command, ...args] = body.split(SEP);
  const parsed = decoded.safeParse({ command, args });
  return parsed.success ? parsed.data : null;
}

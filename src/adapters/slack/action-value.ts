// Button values for Slack: the command and its arguments, signed so a crafted request cannot
// press a button the bot never showed.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

const shape = z.object({ c: z.string().regex(/^[a-z_]{1,32}$/), a: z.array(z.string().max(200)).max(10) });

const sign = (secret: string, body: string) =>
  createHmac("sha256", secret).update(body).digest("base64url").slice(0, 16);

export function encodeAction(secret: string, command: string, args: string[]): string {
  const body = JSON.stringify({ c: command, a: args });
  return `${sign(secret, body)}.${body}`;
}

export function decodeAction(secret: string, value: string): { command: string; args: string[] } | null {
  const dot = value.indexOf(".");
  if (dot <= 0) return null;
  const sig = value.slice(0, dot);
  const body = value.slice(dot + 1);
  const expected = sign(secret, body);
  // Compared as bytes: a forged signature of other characters (any bytes may arrive) has as many
  // characters as ours but not as many bytes, and timingSafeEqual throws on unequal lengths.
  const given = Buffer.from(sig);
  const wanted = Buffer.from(expected);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return null;
  try {
    const parsed = shape.safeParse(JSON.parse(body));
    return parsed.success ? { command: parsed.data.c, args: parsed.data.a } : null;
  } catch {
    return null;
  }
}

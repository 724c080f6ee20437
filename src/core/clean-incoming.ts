// What people send may carry characters no database keeps: PostgreSQL refuses a NUL (U+0000) in
// text outright, failing the whole command. They are taken out as an update arrives, before any
// command sees it, so a pasted name or note behaves the same on both databases.
import type { Incoming } from "./incoming.js";

// NUL and the other C0 controls but tab, line feed and carriage return.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

export const cleanText = (text: string): string => text.replace(CONTROLS, "");

export function cleanIncoming(incoming: Incoming): Incoming {
  const { payload, user, chat } = incoming;
  return {
    ...incoming,
    user: { ...user, displayName: cleanText(user.displayName) },
    chat: chat.title === undefined ? chat : { ...chat, title: cleanText(chat.title) },
    payload:
      payload.type === "text"
        ? { type: "text", text: cleanText(payload.text) }
        : { ...payload, args: payload.args.map(cleanText) },
  };
}

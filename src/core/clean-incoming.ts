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

// Every control and format character: bidi overrides (U+202E) and zero-width ones included.
const UNSHOWABLE = /[\p{Cc}\p{Cf}]/gu;
const ECHO_LIMIT = 32;

/**
 * A word a person typed, fit to be shown back to them (未知命令 /…): no control or bidi character
 * that could reorder the bot's own sentence, and at most 32 characters, cut with an ellipsis.
 */
export function echoable(word: string): string {
  const shown = [...word.replace(UNSHOWABLE, "")];
  return shown.length > ECHO_LIMIT ? `${shown.slice(0, ECHO_LIMIT).join("")}…` : shown.join("");
}

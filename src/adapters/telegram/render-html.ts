// A neutral Reply as Telegram HTML (every piece of text escaped) with an inline keyboard.
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Reply, Segment } from "../../core/reply.js";
import { encodeCallback } from "./callback-data.js";

export function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

const TAGS: Record<NonNullable<Segment["style"]>, string> = { bold: "b", italic: "i", code: "code" };

export function renderHtml(reply: Reply): string {
  return reply.segments
    .map(({ text, style }) =>
      style ? `<${TAGS[style]}>${escapeHtml(text)}</${TAGS[style]}>` : escapeHtml(text),
    )
    .join("");
}

export function renderKeyboard(reply: Reply, secret: string): InlineKeyboardMarkup | undefined {
  if (!reply.buttons?.length) return undefined;
  return {
    inline_keyboard: reply.buttons.map((row) =>
      row.map((button) => ({
        text: button.label,
        callback_data: encodeCallback(secret, button.command, button.args),
      })),
    ),
  };
}

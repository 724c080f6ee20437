// The neutral shape of everything the bot answers. Adapters render it: console text with ANSI,
// Telegram HTML (escaped), Slack Block Kit (mrkdwn escaped). Text is kept as styled segments so
// no adapter ever has to parse or un-escape markup written by a command.

import type { ChartSpec } from "./chart-spec.js";

export type Style = "bold" | "italic" | "code";

export interface Segment {
  text: string;
  style?: Style;
}

export interface Button {
  label: string;
  command: string;
  args: string[];
}

export interface Attachment {
  kind: "file" | "image";
  filename: string;
  path: string;
}

export interface Reply {
  segments: Segment[];
  /** Rows of buttons. */
  buttons?: Button[][];
  attachment?: Attachment;
  /**
   * A chart to draw and attach as an image when the reply is sent (outbox messages keep the data,
   * not a file, so the picture survives a restart and is drawn on the machine that sends it).
   */
  chart?: ChartSpec;
  /** "private" asks the adapter to deliver to the actor alone (DM or ephemeral), never to the group. */
  visibility?: "chat" | "private";
  /** The bot waits for an answer to this (a question): adapters must not reduce it to a toast. */
  expectsAnswer?: boolean;
  /**
   * Answering a pressed button, this settles the message the button was on (a card confirmed, a
   * request decided): the adapter takes that message's buttons away, so none is left to press.
   */
  closesPressed?: boolean;
}

export const plain = (text: string): Segment => ({ text });
export const bold = (text: string): Segment => ({ text, style: "bold" });
export const code = (text: string): Segment => ({ text, style: "code" });

export function textReply(text: string, extra: Omit<Reply, "segments"> = {}): Reply {
  return { segments: [plain(text)], ...extra };
}

/** The reply as plain text, for logs, tests and adapters without formatting. */
export function replyText(reply: Reply): string {
  return reply.segments.map((segment) => segment.text).join("");
}

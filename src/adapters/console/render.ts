// Renders a neutral Reply as terminal text: ANSI styles when the terminal supports them,
// numbered buttons the person presses with ":press N".
import type { Button, Reply, Segment } from "../../core/reply.js";

const ANSI: Record<NonNullable<Segment["style"]>, [string, string]> = {
  bold: ["\x1b[1m", "\x1b[22m"],
  italic: ["\x1b[3m", "\x1b[23m"],
  code: ["\x1b[36m", "\x1b[39m"],
};

export function renderSegments(segments: readonly Segment[], color: boolean): string {
  return segments
    .map(({ text, style }) => {
      if (!style || !color) return text;
      const [open, close] = ANSI[style];
      return `${open}${text}${close}`;
    })
    .join("");
}

export interface RenderedReply {
  text: string;
  buttons: Button[];
}

export function renderReply(
  reply: Reply,
  opts: { color: boolean; privateLabel: string; firstButtonNumber: number },
): RenderedReply {
  const lines = [renderSegments(reply.segments, opts.color)];
  if (reply.visibility === "private") lines[0] = `${opts.privateLabel} ${lines[0]}`;
  const buttons: Button[] = [];
  for (const row of reply.buttons ?? []) {
    const cells = row.map((button) => {
      buttons.push(button);
      return `[${opts.firstButtonNumber + buttons.length - 1}] ${button.label}`;
    });
    lines.push(`  ${cells.join("   ")}`);
  }
  if (reply.attachment) lines.push(`  📎 ${reply.attachment.filename}: ${reply.attachment.path}`);
  return { text: lines.join("\n"), buttons };
}

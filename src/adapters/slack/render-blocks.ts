// A neutral Reply as Slack Block Kit: a section of mrkdwn (with &, < and > escaped, so nothing a
// person typed can turn into a mention or a link) and an actions block of buttons whose values
// are signed command invocations.
import type { types } from "@slack/bolt";
import type { Reply, Segment } from "../../core/reply.js";
import { encodeAction } from "./action-value.js";

export function escapeMrkdwn(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

const WRAP: Record<NonNullable<Segment["style"]>, string> = { bold: "*", italic: "_", code: "`" };

export function renderMrkdwn(reply: Reply): string {
  return reply.segments
    .map(({ text, style }) => {
      if (!style) return escapeMrkdwn(text);
      // Formatting marks do not span lines in Slack: wrap each line.
      return text
        .split("\n")
        .map((line) => (line.trim() ? `${WRAP[style]}${escapeMrkdwn(line)}${WRAP[style]}` : line))
        .join("\n");
    })
    .join("");
}

export function renderBlocks(reply: Reply, secret: string): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: renderMrkdwn(reply).slice(0, 3000) } },
  ];
  (reply.buttons ?? []).forEach((row, r) => {
    blocks.push({
      type: "actions",
      block_id: `row-${r}`,
      elements: row.map((button, i) => ({
        type: "button",
        action_id: `cmd-${r}-${i}`,
        text: { type: "plain_text", text: button.label.slice(0, 75) },
        value: encodeAction(secret, button.command, button.args),
      })),
    });
  });
  return blocks;
}

// A neutral Reply as Slack Block Kit: a section of mrkdwn (with &, < and > escaped, so nothing a
// person typed can turn into a mention or a link) and an actions block of buttons whose values
// are signed command invocations.
import type { types } from "@slack/bolt";
import type { Reply, Segment } from "../../core/reply.js";
import { splitReply } from "../../core/split-reply.js";
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

/** Slack's limits: 3,000 characters in a section's text, 50 blocks in a message. */
export const SECTION_LIMIT = 3000;
export const BLOCK_LIMIT = 50;

/**
 * The reply as blocks: as many sections as its text needs (cut between lines, each within
 * Slack's 3,000 characters), then its buttons, all within the 50 blocks of one message.
 */
export function renderBlocks(reply: Reply, secret: string): types.KnownBlock[] {
  const rows = reply.buttons?.length ?? 0;
  const sections = splitReply(
    reply,
    SECTION_LIMIT,
    (segments) => renderMrkdwn({ segments: [...segments] }).length,
  );
  const blocks: types.KnownBlock[] = sections
    .slice(0, BLOCK_LIMIT - rows)
    .map((part) => ({ type: "section", text: { type: "mrkdwn", text: renderMrkdwn(part) } }));
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

/**
 * Blocks whose block_ids are unique, as Slack requires of a message or a view: replies merged
 * into one message each number their rows from 0, so a repeated id gets its position appended.
 */
export function withUniqueBlockIds(blocks: types.KnownBlock[]): types.KnownBlock[] {
  const seen = new Set<string>();
  return blocks.map((block, position) => {
    if (!block.block_id) return block;
    const id = seen.has(block.block_id) ? `${block.block_id}-${position}` : block.block_id;
    seen.add(id);
    return id === block.block_id ? block : { ...block, block_id: id };
  });
}

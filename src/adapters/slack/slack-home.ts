// The App Home tab: the person's own page (/home: upcoming meetings with their buttons, leave,
// dues), published when they open it. Slack takes up to 100 blocks in a home view.
import type { types } from "@slack/bolt";
import type { Reply } from "../../core/reply.js";
import { slackCommandHints } from "./command-hints.js";
import { renderBlocks, withUniqueBlockIds } from "./render-blocks.js";

const HOME_BLOCK_LIMIT = 100;

export function homeView(replies: Reply[], secret: string): types.HomeView {
  const blocks: types.KnownBlock[] = [];
  for (const reply of replies) {
    const part = renderBlocks(slackCommandHints(reply), secret);
    if (blocks.length + part.length + 1 > HOME_BLOCK_LIMIT) break;
    if (blocks.length > 0) blocks.push({ type: "divider" });
    blocks.push(...part);
  }
  return { type: "home", blocks: withUniqueBlockIds(blocks) };
}

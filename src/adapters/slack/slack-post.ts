// Posting replies on Slack: ephemeral for what only the actor should see, in the channel
// otherwise, as messages in a direct message. Text replies that go the same way are batched into
// one message (up to Slack's 50 blocks, a divider between them), since a response_url takes at
// most 5 posts and a list of requests is more. Command hints are worded for Slack ("/party join"),
// and a question gets an 回答 button that opens a form for the answer.
import type { App, types } from "@slack/bolt";
import type { Translate } from "../../core/i18n.js";
import { type Reply, replyText } from "../../core/reply.js";
import { slackCommandHints } from "./command-hints.js";
import { BLOCK_LIMIT, renderBlocks, withUniqueBlockIds } from "./render-blocks.js";

export const ANSWER_ACTION = "answer";

export interface Where {
  channel: string;
  user: string;
  /** Everything goes to the actor alone (a form's answer, a private chat). */
  private: boolean;
  /** The channel is the person's direct messages with the bot: post there, not ephemerally. */
  dm?: boolean;
  respond?: (message: object) => Promise<unknown>;
  t: Translate;
}

/** Where the answer to a question goes: the chat it was asked in, or the person's private chat. */
export interface AnswerTarget {
  channel: string;
  private: boolean;
}

function answerButton(t: Translate, target: AnswerTarget): types.KnownBlock {
  return {
    type: "actions",
    block_id: "answer",
    elements: [
      {
        type: "button",
        action_id: ANSWER_ACTION,
        style: "primary",
        text: { type: "plain_text", text: t("slack.answer") },
        value: JSON.stringify(target),
      },
    ],
  };
}

export function createPoster(app: App, secret: string, files?: { discard(file: string): Promise<void> }) {
  return async function post(replies: Reply[], where: Where): Promise<void> {
    try {
      await postEach(replies, where);
    } finally {
      // A file attached to a reply was made for this send: sent or not, it is not kept.
      for (const reply of replies)
        if (reply.attachment) await files?.discard(reply.attachment.path).catch(() => undefined);
    }
  };

  async function postEach(replies: Reply[], where: Where): Promise<void> {
    const messages: { ephemeral: boolean; text: string; blocks: types.KnownBlock[] }[] = [];
    for (const written of replies) {
      const reply = slackCommandHints(written);
      if (reply.attachment) {
        // A private file (an export) goes to the person's direct messages, never to the channel;
        // a chart asked for in the channel is shared there.
        const toChannel = where.dm || (reply.visibility !== "private" && !where.private);
        const channel = toChannel
          ? where.channel
          : ((await app.client.conversations.open({ users: where.user })).channel?.id ?? where.user);
        try {
          await app.client.filesUploadV2({
            channel_id: channel,
            file: reply.attachment.path,
            filename: reply.attachment.filename,
            initial_comment: replyText(reply).slice(0, 3000),
          });
        } catch {
          // Told in words, where the file was to go, rather than left waiting for it.
          await app.client.chat.postMessage({
            channel,
            text: where.t("files.sendFailed", { name: reply.attachment.filename }),
          });
        }
        continue;
      }
      const ephemeral = !where.dm && (reply.visibility === "private" || where.private);
      const blocks = renderBlocks(reply, secret);
      if (reply.expectsAnswer)
        blocks.push(
          answerButton(where.t, {
            channel: where.channel,
            private: where.dm === true || reply.visibility === "private",
          }),
        );
      const last = messages.at(-1);
      if (last && last.ephemeral === ephemeral && last.blocks.length + 1 + blocks.length <= BLOCK_LIMIT) {
        last.blocks.push({ type: "divider" }, ...blocks);
        last.text = `${last.text}\n${replyText(reply)}`.slice(0, 3000);
      } else messages.push({ ephemeral, text: replyText(reply).slice(0, 3000), blocks });
    }
    for (const { ephemeral, text, blocks } of messages) {
      const message = { text, blocks: withUniqueBlockIds(blocks) };
      if (where.respond) {
        await where.respond({
          ...message,
          response_type: ephemeral ? "ephemeral" : "in_channel",
          replace_original: false,
        });
      } else if (ephemeral) {
        await app.client.chat.postEphemeral({ ...message, channel: where.channel, user: where.user });
      } else {
        await app.client.chat.postMessage({ ...message, channel: where.channel });
      }
    }
  }
}

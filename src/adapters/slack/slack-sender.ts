// The delivery worker's way into Slack: chat.postMessage, or chat.update for an announcement.
// Private messages ("user:U…") go to the person's direct messages. It runs on its own WebClient
// that rejects rate-limited calls and never retries, so a 429's Retry-After goes back to the
// outbox instead of pausing the client for minutes (Bolt's shared client, which answers people
// and opens modals whose trigger_id expires in 3 s, is never held up by deliveries). Slack's
// error codes are classified for the worker.
import { ErrorCode, LogLevel, WebClient } from "@slack/web-api";
import type { Reply } from "../../core/reply.js";
import { replyText } from "../../core/reply.js";
import {
  DeliveryRefused,
  EditTargetGone,
  RateLimited,
  type Sender,
  type SendResult,
} from "../../delivery/sender.js";
import { slackCommandHints } from "./command-hints.js";
import { SLACK_LIMITS } from "./limits.js";
import { renderBlocks } from "./render-blocks.js";

const CHAT_GONE = new Set([
  "channel_not_found",
  "is_archived",
  "not_in_channel",
  "account_inactive",
  "team_access_not_granted",
  "restricted_action",
]);
const UNREACHABLE = new Set(["user_not_found", "user_disabled", "cannot_dm_bot", "messages_tab_disabled"]);
const EDIT_GONE = new Set(["message_not_found", "cant_update_message", "edit_window_closed"]);

/** A client for deliveries only: no internal retries, rate limits surface at once. */
export function deliveryClient(token: string, apiUrl?: string): WebClient {
  return new WebClient(token, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    logLevel: LogLevel.ERROR,
  });
}

export class SlackSender implements Sender {
  readonly platform = "slack" as const;
  readonly limits = SLACK_LIMITS;

  constructor(
    private readonly client: WebClient,
    private readonly secret: string,
    /** The workspace's address from auth.test ("https://party.slack.com/"), for message links. */
    private readonly workspaceUrl?: string,
  ) {}

  async send(chatId: string, written: Reply, opts: { editMessageId?: string }): Promise<SendResult> {
    const reply = slackCommandHints(written);
    const channel = chatId.startsWith("user:") ? chatId.slice("user:".length) : chatId;
    const message = {
      channel,
      text: replyText(reply).slice(0, 3000),
      blocks: renderBlocks(reply, this.secret),
    };
    try {
      if (reply.attachment) {
        await this.client.filesUploadV2({
          channel_id: channel,
          file: reply.attachment.path,
          filename: reply.attachment.filename,
          initial_comment: message.text,
        });
        return { messageId: `file:${reply.attachment.filename}` };
      }
      if (opts.editMessageId) {
        await this.client.chat.update({ ...message, ts: opts.editMessageId });
        return { messageId: opts.editMessageId };
      }
      const posted = await this.client.chat.postMessage(message);
      const link = chatId.startsWith("user:") ? null : this.#link(channel, String(posted.ts));
      return { messageId: String(posted.ts), ...(link ? { link } : {}) };
    } catch (error) {
      throw classify(error, Boolean(opts.editMessageId));
    }
  }

  /** Slack's permalink form: archives/<channel>/p<ts without its dot>. */
  #link(channel: string, ts: string): string | null {
    if (!this.workspaceUrl) return null;
    return `${this.workspaceUrl.replace(/\/+$/, "")}/archives/${channel}/p${ts.replace(".", "")}`;
  }
}

function classify(error: unknown, editing: boolean): unknown {
  const e = error as { code?: string; retryAfter?: number; data?: { error?: string } };
  // Slack counts rate limits per method across the workspace: every Slack delivery waits.
  if (e.code === ErrorCode.RateLimitedError) return new RateLimited((e.retryAfter ?? 1) * 1000, "platform");
  if (e.code !== ErrorCode.PlatformError) return error;
  const code = e.data?.error ?? "";
  if (editing && EDIT_GONE.has(code)) return new EditTargetGone(code);
  if (CHAT_GONE.has(code)) return new DeliveryRefused("chat-gone", code);
  if (UNREACHABLE.has(code)) return new DeliveryRefused("unreachable", code);
  // The content itself was refused (msg_too_long, invalid_blocks …): retrying cannot help.
  if (code !== "internal_error" && code !== "fatal_error" && code !== "service_unavailable")
    return new DeliveryRefused("rejected", code);
  return error;
}

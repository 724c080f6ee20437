// The bot's own identity, asked of Slack once at start-up (auth.test). Given to Bolt, it spares an
// auth.test on every request — where two 429s in a row would make Bolt answer a person's command
// with a 404 — and lets Bolt ignore the bot's own messages. A token Slack refuses stops the start
// with a message that names the variable.
import { WebClient } from "@slack/web-api";
import { configError } from "../../config-errors.js";

export interface SlackIdentity {
  botId: string;
  botUserId: string;
  /** The workspace's address ("https://party.slack.com/"), for links to the bot's messages. */
  workspaceUrl?: string;
}

const REFUSED = new Set(["invalid_auth", "not_authed", "token_revoked", "account_inactive", "token_expired"]);

export async function verifySlackToken(token: string, apiUrl?: string): Promise<SlackIdentity> {
  // Retries 429s and 5xx a few times over about half a minute; a refused token is not retried.
  const client = new WebClient(token, {
    retryConfig: { retries: 5, factor: 2, minTimeout: 500, maxTimeout: 10_000 },
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
  });
  try {
    const result = await client.auth.test();
    if (!result.bot_id || !result.user_id)
      throw new Error("auth.test named no bot: is SLACK_BOT_TOKEN a bot token?");
    return {
      botId: result.bot_id,
      botUserId: result.user_id,
      ...(result.url ? { workspaceUrl: result.url } : {}),
    };
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code && REFUSED.has(code))
      throw configError([
        {
          variable: "SLACK_BOT_TOKEN",
          message: `Slack refused the token (${code}). Copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page.`,
          chinese: `Slack 不接受这个令牌（${code}）。请从 Slack 应用的 OAuth & Permissions 页面复制 Bot User OAuth Token（xoxb-…）。`,
        },
      ]);
    throw error;
  }
}

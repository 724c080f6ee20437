// Slack reserves its own slash commands (/join, /invite, /remind…); this app has one, /party, with
// the bot's commands after it. Texts written once for every platform say "/join H7K2Q"; on Slack
// they must say "/party join H7K2Q", or a person following them runs Slack's /join instead.
import type { Reply } from "../../core/reply.js";

// A command word after a slash at the start of a line or after a space or an opening mark, not a
// path or a URL (those have a letter, digit or slash before it), and not /party itself.
const COMMAND =
  /(^|[\s(（「『“"'：:，,、；;])\/(?!party(?![\p{L}\d_]))([a-z][a-z0-9_]*|\p{Script=Han}+)(?![\p{L}\d_/.])/gmu;

export function slackCommandText(text: string): string {
  return text.replace(COMMAND, "$1/party $2");
}

export function slackCommandHints(reply: Reply): Reply {
  return { ...reply, segments: reply.segments.map((s) => ({ ...s, text: slackCommandText(s.text) })) };
}

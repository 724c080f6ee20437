// What the Slack listeners need, handed in by createSlackApp; each is a plain function, so a
// listener can be tried with fakes of these alone.
import type { types } from "@slack/bolt";
import type { Translate } from "../../../core/i18n.js";
import type { ChatRef, Incoming, UserRef } from "../../../core/incoming.js";
import type { Reply } from "../../../core/reply.js";
import type { Where } from "../slack-post.js";

export type Respond = (message: object) => Promise<unknown>;

export interface SlackListenerDeps {
  handle(incoming: Incoming): Promise<Reply[]>;
  /** The person as Slack shows them, and the language to word things in for them. */
  person(id: string, handle?: string): Promise<{ user: UserRef; t: Translate }>;
  post(replies: Reply[], where: Where): Promise<void>;
  /** Opens a form; an expired trigger is answered with a line asking to try again. */
  openForm(triggerId: string, view: types.ModalView, t: Translate, respond?: Respond): Promise<void>;
  /** Signs and checks the buttons' values. */
  secret: string;
}

export const chatOf = (channelId: string, name?: string): ChatRef => ({
  platform: "slack",
  id: channelId,
  kind: channelId.startsWith("D") || name === "directmessage" ? "private" : "group",
  ...(name && name !== "directmessage" ? { title: name } : {}),
});

// The neutral shape of everything a person sends, whatever the platform. Platform ids are opaque
// strings: the core stores and compares them, never interprets them.

/**
 * The platform a person or chat is on, as its adapter names itself ("telegram", "slack",
 * "console" …). The core never branches on it: a new adapter needs no change here.
 */
export type Platform = string;

export interface UserRef {
  platform: Platform;
  id: string;
  displayName: string;
  /** The platform's idea of the user's language (e.g. Telegram's language_code), if any. */
  languageHint?: string;
}

export interface ChatRef {
  platform: Platform;
  id: string;
  kind: "private" | "group";
  title?: string;
  /** The forum topic the message came from (Telegram's message_thread_id), in groups that have them. */
  topic?: string;
}

export type IncomingPayload =
  | { type: "text"; text: string }
  /** A pressed button: the command it invokes and its already-split arguments. */
  | { type: "action"; command: string; args: string[] };

/**
 * Links a platform can make that open a conversation with the bot and run a command there
 * (Telegram's t.me deep links). Null when this command cannot travel in a link.
 */
export interface PlatformLinks {
  /** Opens the person's private chat with the bot and runs the command. */
  privateChat(command: string, args: string[]): string | null;
  /** Adds the bot to a group of the person's choosing and runs the command there. */
  addToGroup(command: string, args: string[]): string | null;
}

export interface Incoming {
  /** The platform's delivery id (Telegram update_id, Slack event_id); duplicates are applied once. */
  updateId?: string;
  user: UserRef;
  chat: ChatRef;
  payload: IncomingPayload;
  /** A file that came with the message, already saved locally by the adapter (e.g. a roster). */
  attachment?: { filename: string; path: string };
  /** The bot's own handle on this platform, so "/cmd@other_bot" in a group can be ignored. */
  botUsername?: string;
  /**
   * On platforms where a message can reply to another (Telegram): whether this one replies to a
   * message of the bot's. In a group only such a reply answers the bot's question; other messages
   * are people talking to each other. Unset where the platform has no replies (the console).
   */
  repliesToBot?: boolean;
  /** The platform's deep links, where it has them. */
  links?: PlatformLinks;
}

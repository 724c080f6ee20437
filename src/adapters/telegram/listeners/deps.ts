// What the Telegram listeners need, handed in by createTelegramBot.
import type { Translate } from "../../../core/i18n.js";
import type { ChatRef, Incoming } from "../../../core/incoming.js";
import type { PrivateFiles } from "../../../core/private-files.js";
import type { Reply } from "../../../core/reply.js";
import type { DeliverReplies } from "../reply-delivery.js";
import type { SecretaryMenus } from "../secretary-menus.js";

export interface TelegramListenerDeps {
  handle(incoming: Incoming): Promise<Reply[]>;
  deliver: DeliverReplies;
  t: Translate;
  /** Signs and checks the buttons' callback data. */
  secret: string;
  /** Downloads: the token and the Bot API root the file URLs are under. */
  token: string;
  apiRoot?: string;
  files: PrivateFiles;
  menus?: SecretaryMenus;
  chatGone?(chat: ChatRef): Promise<void>;
}

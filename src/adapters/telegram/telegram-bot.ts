// Telegram through grammY: one Composer per concern (listeners/: messages, buttons, the bot's own
// membership), replies rendered as escaped HTML with inline keyboards (reply-delivery.ts).
// Edited messages, channel posts and anything without a sender are ignored.
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Api, Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Translate } from "../../core/i18n.js";
import { InFlight } from "../../core/in-flight.js";
import type { ChatRef, Incoming, UserRef } from "../../core/incoming.js";
import type { Logger } from "../../core/logger.js";
import { PrivateFiles } from "../../core/private-files.js";
import type { Reply } from "../../core/reply.js";
import { botMembership } from "./listeners/bot-membership.js";
import { buttons } from "./listeners/buttons.js";
import type { TelegramListenerDeps } from "./listeners/deps.js";
import { messages } from "./listeners/messages.js";
import { sequenceKey } from "./refs.js";
import { replyDelivery } from "./reply-delivery.js";
import { secretaryMenus } from "./secretary-menus.js";
import { TelegramSender } from "./telegram-sender.js";

export interface TelegramBotOptions {
  token: string;
  /** Another Bot API server (a local one, or the tests' fake). */
  apiRoot?: string;
  /** Known in advance (tests), else fetched with getMe at start. */
  botInfo?: UserFromGetMe;
  secret: string;
  handle(incoming: Incoming): Promise<Reply[]>;
  t: Translate;
  logger: Logger;
  /** The bot was removed from a group: unbind it and tell whoever bound it. */
  chatGone?(chat: ChatRef): Promise<void>;
  /**
   * Which command menu this person should see in this group. Secretaries get theirs published
   * for them alone (the chat_member scope), not for every administrator of the group.
   */
  menuLevel?(user: UserRef, chat: ChatRef): Promise<"member" | "secretary">;
  /** Publishes a person's menu in a group (command-menus.ts knows the menus). */
  publishMemberMenu?(api: Api, chatId: number, userId: number): Promise<void>;
  /** The bot's private files: uploads are saved there, sent attachments discarded from there. */
  files?: PrivateFiles;
}

/**
 * Kept-alive connections for deliveries, dropped after 4 s idle: a server closes idle connections
 * on its side (Node's after 5 s), and reusing one it has just closed fails the request.
 */
function deliveryAgent(apiRoot: string | undefined) {
  const options = { keepAlive: true, timeout: 4_000 };
  return apiRoot?.startsWith("http:") ? new HttpAgent(options) : new HttpsAgent(options);
}

export function createTelegramBot(opts: TelegramBotOptions) {
  // Without the app's store (some tests), uploads still go to a folder of the bot's alone.
  const files = opts.files ?? new PrivateFiles(path.join(tmpdir(), "party-bot-telegram"));
  const bot = new Bot(opts.token, {
    ...(opts.botInfo ? { botInfo: opts.botInfo } : {}),
    ...(opts.apiRoot ? { client: { apiRoot: opts.apiRoot } } : {}),
  });
  // Short waits (429, network blips) are retried here; long ones surface to the outbox.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 5 }));
  // One person's updates in one chat are handled in order (a question and its answer, two presses
  // of one button); everyone else's in parallel, so a room of members pressing 签到 at once is
  // answered at once. The announcement they all change is edited once, through the outbox.
  bot.use(sequentialize(sequenceKey));
  // Every update from here to its last reply sent, so that stopping waits for those under way.
  const inFlight = new InFlight();
  bot.use((_ctx, next) => inFlight.track(next()));

  const { menuLevel, publishMemberMenu, chatGone } = opts;
  const deps: TelegramListenerDeps = {
    handle: opts.handle,
    deliver: replyDelivery({ secret: opts.secret, t: opts.t, files }),
    t: opts.t,
    secret: opts.secret,
    token: opts.token,
    ...(opts.apiRoot ? { apiRoot: opts.apiRoot } : {}),
    files,
    ...(menuLevel && publishMemberMenu
      ? { menus: secretaryMenus({ menuLevel, publish: publishMemberMenu, logger: opts.logger }) }
      : {}),
    ...(chatGone ? { chatGone } : {}),
  };
  bot.use(messages(deps), buttons(deps), botMembership(deps));

  bot.catch((err) =>
    opts.logger.error({ err: err.error, update: err.ctx.update.update_id }, "telegram update failed"),
  );

  // Deliveries get their own Api without auto-retry: a 429 goes back to the outbox, which waits
  // exactly as asked without holding a delivery slot (and without delaying replies to people).
  const deliveryApi = new Api(opts.token, {
    ...(opts.apiRoot ? { apiRoot: opts.apiRoot } : {}),
    baseFetchConfig: { compress: true, agent: deliveryAgent(opts.apiRoot) },
  });
  return { bot, sender: new TelegramSender(deliveryApi, opts.secret), inFlight };
}

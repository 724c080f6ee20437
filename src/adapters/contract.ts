// What every platform adapter provides, and what the bot offers it. A platform is a folder under
// src/adapters/ that exports one PlatformAdapter, and a line in src/platforms.ts: nothing in
// core/, the runtime or a domain slice changes for it.
//
// An adapter receives the platform's events and turns them into Incoming (who, which chat, text
// or a pressed button); renders Reply (segments, buttons, a question awaiting its answer, a file)
// the platform's way; sends the outbox's messages through its Sender, which classifies the
// platform's refusals (sender.ts) and declares its pace limits as data (its limits.ts).
import type { Config } from "../config.js";
import type { I18n, Translate } from "../core/i18n.js";
import type { ChatRef, Incoming, Platform, UserRef } from "../core/incoming.js";
import type { Logger } from "../core/logger.js";
import type { PrivateFiles } from "../core/private-files.js";
import type { Reply } from "../core/reply.js";
import type { Sender } from "../delivery/sender.js";
import type { Routes } from "../http/health-server.js";
import type { AnyCommand } from "../runtime/command.js";

/** What the bot offers every adapter: the one way in, and what an adapter words or shows itself. */
export interface BotHost {
  /** Runs what a person sent; the replies to render, in order. */
  handle(incoming: Incoming): Promise<Reply[]>;
  /** The language to word a form or a notice in for this person (theirs, else the platform's). */
  translatorFor(user: UserRef): Promise<Translate>;
  readonly i18n: I18n;
  /** Every command, for the platform's command menu. */
  commands(): readonly AnyCommand[];
  /** Whether a person acts as a secretary (or above) in a chat, for the menu they are shown. */
  menuLevel(user: UserRef, chat: ChatRef): Promise<"member" | "secretary">;
  /** The platform says the bot left a group: unbind it and tell whoever bound it. */
  chatGone(chat: ChatRef, detail: string): Promise<void>;
  /** Where uploads are saved and sent attachments discarded from. */
  readonly files: PrivateFiles;
  readonly logger: Logger;
}

/** A platform adapter once connected. */
export interface StartedAdapter {
  /** The delivery worker's way to post and edit messages on the platform. */
  readonly sender: Sender;
  /** Webhook routes to mount on the bot's HTTP server (none for outbound connections). */
  readonly routes: Routes;
  /** How it is connected, for the start-up line ("Telegram @party_bot (polling)"). */
  readonly description: string;
  /**
   * Stops taking events (a webhook answers 503, so the platform delivers again later) and waits,
   * up to `timeoutMs`, for the events already taken to finish with their replies sent; the
   * outbox, the database and the HTTP server stop after it.
   */
  stop(timeoutMs: number): Promise<void>;
}

/** What is known of a platform before it starts. */
export interface PlatformTraits {
  readonly platform: Platform;
  /** The catalogue key of the line under a question that says how to answer it here. */
  readonly answerHintKey: string;
}

export interface PlatformAdapter<S = unknown> extends PlatformTraits {
  /** This platform's settings from the configuration; undefined when it is not configured. */
  settings(config: Config): S | undefined;
  /** Connects (checking its credentials first) and starts taking events. */
  start(settings: S, host: BotHost): Promise<StartedAdapter>;
}

export const defineAdapter = <S>(adapter: PlatformAdapter<S>): PlatformAdapter<S> => adapter;

// What a command is: a name, aliases, zod-parsed arguments, the least role it needs, and run().
// Commands see only neutral types and domain services; they never see a platform or Prisma.
import type { z } from "zod";
import type { Locale, Translate } from "../core/i18n.js";
import type { ChatRef, PlatformLinks, UserRef } from "../core/incoming.js";
import type { Reply } from "../core/reply.js";
import type { Role } from "../core/roles.js";
import type { OrgRecord } from "../organization/organization-repository.js";
import type { Services } from "../services.js";

export interface Actor {
  user: UserRef;
  personId: string | null;
  displayName: string;
  locale: Locale;
  roles: readonly Role[];
}

export interface CommandContext<A> {
  args: A;
  actor: Actor;
  chat: ChatRef;
  /** The organisation this command acts on: the chat's, or in private the person's current one. */
  org: OrgRecord | null;
  /** `org`, then its parents up to the root, as loaded with it (empty without an org). */
  orgChain: readonly OrgRecord[];
  /** The zone `org`'s days are in (its own, an ancestor's, else the installation's). */
  zone: string;
  attachment?: { filename: string; path: string };
  /** Links that open a conversation with the bot and run a command (Telegram's deep links). */
  links?: PlatformLinks;
  now: Date;
  t: Translate;
  /** The installation's default language, for messages posted to group chats. */
  groupT: Translate;
  /**
   * Asks the actor a question; their next plain message (here, or in their private chat when
   * `where` is "private") completes `command args…` as its last argument.
   */
  ask(question: string, command: string, args: string[], where?: "here" | "private"): Promise<Reply>;
  /** A translator for another locale, e.g. to answer in a language just chosen. */
  translatorFor(locale: Locale): Translate;
  /** Domain services bound to this command's transaction. */
  services: Services;
  /** The commands this actor may run, for help. */
  available(): readonly AnyCommand[];
}

interface CommandInfo<A> {
  name: string;
  /** Other words that invoke it, e.g. Chinese names ("帮助"); matched case-insensitively. */
  aliases: readonly string[];
  role: Role;
  /** Parses the whitespace-split argument tokens; failure yields the usage message. */
  args: z.ZodType<A>;
  /**
   * "one-statement": every write the command makes is a single idempotent statement (work after
   * it goes through after-commit hooks), so on PostgreSQL it runs without BEGIN/COMMIT — the
   * check-in, hundreds a minute at the start of a meeting. Its platform update is recorded after
   * it ran; a redelivery runs it again, harmlessly, and stays silent.
   *
   * "none": the command only reads (a 台账 export, a report); a write it needs on the way (yearly
   * tallies not yet computed) makes its own transaction. It runs outside a transaction, so its
   * large reads take the plain reader (on SQLite a connection of its own) instead of Prisma's
   * transaction; its update is recorded after it ran, as for "one-statement".
   */
  writes?: "one-statement" | "none";
  /**
   * Run by a button, the command settles the message the button was on (确认 on a meeting card,
   * 批准 on a request): its answer is marked `closesPressed`, and the adapter takes that
   * message's buttons away.
   */
  settlesPressed?: boolean;
}

type Replies = Promise<Reply | Reply[]>;

/** What a person's command sees: the context with the person found, or enrolled, by the runtime. */
export interface PersonContext<A> extends CommandContext<A> {
  personId: string;
}

/** A command run by a person: the runtime finds (or enrols) them before run(). */
export interface PersonCommand<A> extends CommandInfo<A> {
  person?: "required";
  run(ctx: PersonContext<A>): Replies;
}

/**
 * A command anyone may run before they are known (/help, /language, /link, /whoami): the runtime
 * enrols nobody for it — /link in particular must not create the person it is about to join.
 */
export interface OpenCommand<A> extends CommandInfo<A> {
  person: "optional";
  run(ctx: CommandContext<A>): Replies;
}

export type Command<A> = PersonCommand<A> | OpenCommand<A>;

// biome-ignore lint/suspicious/noExplicitAny: a registry holds commands of every argument type.
export type AnyCommand = Command<any>;

export function defineCommand<A>(command: OpenCommand<A>): OpenCommand<A>;
export function defineCommand<A>(command: PersonCommand<A>): PersonCommand<A>;
export function defineCommand<A>(command: Command<A>): Command<A> {
  return command;
}

/** i18n keys every command must have in every catalogue (checked by a test). */
export const summaryKey = (name: string): string => `commands.${name}.summary`;
export const usageKey = (name: string): string => `commands.${name}.usage`;

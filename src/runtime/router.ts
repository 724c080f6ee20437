// Turns an Incoming into replies: find the command (or the question a plain message answers),
// check the role, parse the arguments, then run it in one transaction together with the record
// of the platform update. Bad input is answered with the usage message before any transaction
// opens, so it never writes anything.

import { chatKeyOf } from "../conversation/prompt-service.js";
import { cleanIncoming, echoable } from "../core/clean-incoming.js";
import type { Clock } from "../core/clock.js";
import { DomainError } from "../core/domain-error.js";
import { type I18n, type Locale, matchLocale, type Translate } from "../core/i18n.js";
import type { Incoming } from "../core/incoming.js";
import type { Logger } from "../core/logger.js";
import { parseCommandText } from "../core/parse-command-text.js";
import { type Reply, textReply } from "../core/reply.js";
import { mayRun } from "../core/roles.js";
import type { OrgRecord } from "../organization/organization-repository.js";
import type { ServiceScope } from "../service-scope.js";
import type { Services } from "../services.js";
import { UpdateAlreadyApplied } from "../updates/update-ledger.js";
import type { Actor, AnyCommand, CommandContext } from "./command.js";
import { usageKey } from "./command.js";
import type { CommandRegistry } from "./registry.js";

export interface RouterDeps {
  scope: ServiceScope;
  registry: CommandRegistry;
  i18n: I18n;
  clock: Clock;
  logger: Logger;
  /**
   * How a question is answered differs by platform (a reply on Telegram, a form or a DM on
   * Slack): the catalogue key of that line, per platform, as each adapter declares it.
   */
  answerHints?: ReadonlyMap<string, string>;
}

interface Invocation {
  word: string;
  args: string[];
  /** Set when a plain message answers a question the bot asked. */
  answers?: { personId: string; chatKey: string };
}

/** Said under a question on a platform that names no way of its own. */
const PLAIN_ANSWER_HINT = "prompts.hintConsole";

/** Who is speaking, and the organisation of the chat they speak in. */
interface Speaker {
  actor: Actor;
  org: OrgRecord | null;
  orgChain: OrgRecord[];
}

const CANCEL_WORDS = new Set(["取消", "cancel", "算了"]);

export class Router {
  constructor(private readonly deps: RouterDeps) {}

  async handle(received: Incoming): Promise<Reply[]> {
    const { scope, registry, i18n } = this.deps;
    const incoming = cleanIncoming(received);
    // Most group messages are people talking to each other: find out cheaply whether this one is
    // for the bot before resolving who is speaking where.
    const invocation =
      this.#invocation(incoming) ?? (await this.#answer(incoming)) ?? this.#bareCommand(incoming);
    if (!invocation && incoming.chat.kind !== "private") return [];
    const speaker = await this.#resolveActor(incoming);
    const { actor } = speaker;
    // Writing to the bot privately opens the way for its private messages again (an account the
    // platform had refused). One conditional statement: it writes nothing in the usual case.
    if (incoming.chat.kind === "private" && actor.personId)
      await scope.read((s) => s.identity.markReachable(incoming.user));
    const t = i18n.translator(actor.locale);
    if (!invocation) return [textReply(t("router.notACommand"))];
    if (invocation.answers && CANCEL_WORDS.has(invocation.args.at(-1)?.trim().toLowerCase() ?? "")) {
      const answers = invocation.answers;
      await scope.transaction((s) => s.prompts.take({ ...answers, platform: incoming.user.platform }));
      return [textReply(t("prompts.cancelled"))];
    }
    const command = registry.find(invocation.word);
    if (!command) return [textReply(t("router.unknownCommand", { word: echoable(invocation.word) }))];
    const refusal = this.#refusal(command, incoming, speaker, t);
    if (refusal) return [refusal];
    const parsed = command.args.safeParse(invocation.args);
    if (!parsed.success) {
      return [textReply(t("router.badArguments", { usage: t(usageKey(command.name)) }))];
    }
    return this.#run(command, parsed.data, invocation, incoming, speaker, t);
  }

  /** Why this person may not run this command here, as the reply that says so. */
  #refusal(command: AnyCommand, incoming: Incoming, speaker: Speaker, t: Translate): Reply | null {
    if (mayRun(command.role, speaker.actor.roles)) return null;
    // In a group nobody has bound yet, the useful answer is how to bind it.
    if (incoming.chat.kind === "group" && !speaker.org) return textReply(t("errors.chatNotBound"));
    return textReply(t("router.notAllowed", { role: t(`roles.${command.role}`) }), {
      visibility: "private",
    });
  }

  /** Runs the command in its unit of work, the update recorded exactly once beside it. */
  async #run(
    command: AnyCommand,
    args: unknown,
    invocation: Invocation,
    incoming: Incoming,
    speaker: Speaker,
    t: Translate,
  ): Promise<Reply[]> {
    const { scope, clock } = this.deps;
    const now = clock.now();
    // Completing a question takes the question too: that pair needs the transaction.
    const readOnly = command.writes === "none" && !invocation.answers;
    const oneStatement = (command.writes === "one-statement" && !invocation.answers) || readOnly;
    try {
      const unit = readOnly ? scope.read : oneStatement ? scope.autocommit : scope.transaction;
      const result = await unit(async (services) => {
        // A command of single idempotent writes records its update after it ran (below): were
        // the record first and the process to stop before the write, the redelivery would be
        // dropped and the write lost.
        if (incoming.updateId && !oneStatement)
          await services.updates.recordOnce(incoming.user.platform, incoming.updateId, now);
        if (invocation.answers)
          await services.prompts.take({ ...invocation.answers, platform: incoming.user.platform });
        const ctx = this.#context(services, args, incoming, speaker, t, now);
        if (command.person === "optional") return command.run(ctx);
        const { actor } = speaker;
        const personId = actor.personId ?? (await services.identity.ensurePerson(actor.user)).id;
        return command.run({ ...ctx, personId });
      });
      if (incoming.updateId && oneStatement) {
        const updateId = incoming.updateId;
        await scope.autocommit((s) => s.updates.recordOnce(incoming.user.platform, updateId, now));
      }
      const replies = Array.isArray(result) ? result : [result];
      const [first, ...rest] = replies;
      return command.settlesPressed && incoming.payload.type === "action" && first
        ? [{ ...first, closesPressed: true }, ...rest]
        : replies;
    } catch (error) {
      return this.#failure(error, command, incoming, t);
    }
  }

  #context(
    services: Services,
    args: unknown,
    incoming: Incoming,
    { actor, org, orgChain }: Speaker,
    t: Translate,
    now: Date,
  ): CommandContext<unknown> {
    const { registry, i18n, answerHints } = this.deps;
    return {
      args,
      actor,
      chat: incoming.chat,
      org,
      orgChain,
      zone: services.zones.ofChain(orgChain),
      ...(incoming.attachment ? { attachment: incoming.attachment } : {}),
      ...(incoming.links ? { links: incoming.links } : {}),
      now,
      t,
      groupT: i18n.translator(i18n.defaultLocale),
      translatorFor: (locale: Locale) => i18n.translator(locale),
      services,
      available: () => registry.all().filter((c: AnyCommand) => mayRun(c.role, actor.roles)),
      async ask(question, askCommand, askArgs, where = "here") {
        const person = actor.personId ?? (await services.identity.ensurePerson(actor.user)).id;
        const chatKey = where === "private" ? "private" : chatKeyOf(incoming.chat);
        await services.prompts.ask(
          { personId: person, platform: actor.user.platform, chatKey },
          askCommand,
          askArgs,
          now,
        );
        const hint = t(answerHints?.get(incoming.user.platform) ?? PLAIN_ANSWER_HINT);
        return textReply(`${question}\n${hint}`, {
          expectsAnswer: true,
          ...(where === "private" ? { visibility: "private" as const } : {}),
        });
      },
    };
  }

  #failure(error: unknown, command: AnyCommand, incoming: Incoming, t: Translate): Reply[] {
    if (error instanceof DomainError) {
      // A button pressed in a group is one person's act: what went wrong is theirs alone.
      const visibility = incoming.payload.type === "action" ? "private" : error.visibility;
      return [textReply(t(error.key, error.values), { visibility })];
    }
    if (error instanceof UpdateAlreadyApplied) {
      this.deps.logger.info(
        { platform: incoming.user.platform, updateId: incoming.updateId },
        "duplicate update ignored",
      );
      return [];
    }
    this.deps.logger.error({ err: error, command: command.name, chat: incoming.chat.id }, "command failed");
    return [textReply(t("router.failed"), { visibility: "private" })];
  }

  #invocation(incoming: Incoming): Invocation | null {
    if (incoming.payload.type === "action")
      return { word: incoming.payload.command, args: incoming.payload.args };
    const parsed = parseCommandText(incoming.payload.text);
    if (!parsed) return null;
    // "/help@other_bot" in a group is meant for another bot.
    const self = incoming.botUsername?.toLowerCase();
    if (parsed.addressee && self && parsed.addressee.toLowerCase() !== self) return null;
    return { word: parsed.word, args: parsed.args };
  }

  /**
   * In a private chat, a plain message that begins with a command word is that command ("签到
   * H7K2Q"): Slack keeps a leading slash for its own commands, and nobody else is being talked to.
   */
  #bareCommand(incoming: Incoming): Invocation | null {
    if (incoming.chat.kind !== "private" || incoming.payload.type !== "text") return null;
    const parsed = parseCommandText(`/${incoming.payload.text.trim()}`);
    if (!parsed || parsed.addressee || !this.deps.registry.find(parsed.word)) return null;
    return { word: parsed.word, args: parsed.args };
  }

  /** A plain message that answers the question the bot asked this person in this chat. */
  async #answer(incoming: Incoming): Promise<Invocation | null> {
    if (incoming.payload.type !== "text") return null;
    const text = incoming.payload.text.trim();
    if (!text) return null;
    // In a group, a question is answered by replying to it; anything else is conversation.
    if (incoming.chat.kind === "group" && incoming.repliesToBot === false) return null;
    const found = await this.deps.scope.read(async (s) => {
      const person = await s.identity.findPerson(incoming.user);
      if (!person) return null;
      const key = {
        personId: person.id,
        platform: incoming.user.platform,
        chatKey: chatKeyOf(incoming.chat),
      };
      const pending = await s.prompts.pending(key, this.deps.clock.now());
      return pending ? { key, pending } : null;
    });
    if (!found) return null;
    const { key, pending } = found;
    return {
      word: pending.command,
      args: [...pending.args, text],
      answers: { personId: key.personId, chatKey: key.chatKey },
    };
  }

  async #resolveActor(incoming: Incoming): Promise<Speaker> {
    const { person, org, orgChain, roles } = await this.deps.scope.read((services) =>
      services.context.resolve(incoming.user, incoming.chat),
    );
    const locale: Locale =
      matchLocale(person?.locale) ?? matchLocale(incoming.user.languageHint) ?? this.deps.i18n.defaultLocale;
    const actor: Actor = {
      user: incoming.user,
      personId: person?.id ?? null,
      displayName: person?.displayName ?? incoming.user.displayName,
      locale,
      roles,
    };
    return { actor, org, orgChain };
  }
}

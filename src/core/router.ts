// Turns an Incoming into replies: find the command, check the role, parse the arguments, then run
// it in one transaction together with the record of the platform update. Bad input is answered
// with the usage message before any transaction opens, so it never writes anything.

import type { OrgRecord } from "../organization/organization-repository.js";
import type { ServiceScope } from "../services.js";
import { UpdateAlreadyApplied } from "../updates/update-ledger.js";
import type { Clock } from "./clock.js";
import type { Actor, AnyCommand } from "./command.js";
import { usageKey } from "./command.js";
import { DomainError } from "./domain-error.js";
import { type I18n, type Locale, matchLocale } from "./i18n.js";
import type { Incoming } from "./incoming.js";
import type { Logger } from "./logger.js";
import { parseCommandText } from "./parse-command-text.js";
import type { CommandRegistry } from "./registry.js";
import { type Reply, textReply } from "./reply.js";
import { mayRun } from "./roles.js";

export interface RouterDeps {
  scope: ServiceScope;
  registry: CommandRegistry;
  i18n: I18n;
  clock: Clock;
  logger: Logger;
}

export class Router {
  constructor(private readonly deps: RouterDeps) {}

  async handle(incoming: Incoming): Promise<Reply[]> {
    const invocation = this.#invocation(incoming);
    if (!invocation) return this.#notACommand(incoming);
    const { scope, registry, i18n, clock, logger } = this.deps;
    const { actor, org } = await this.#resolveActor(incoming);
    const t = i18n.translator(actor.locale);

    const command = registry.find(invocation.word);
    if (!command) return [textReply(t("router.unknownCommand", { word: invocation.word }))];
    if (!mayRun(command.role, actor.roles)) {
      return [
        textReply(t("router.notAllowed", { role: t(`roles.${command.role}`) }), { visibility: "private" }),
      ];
    }
    const parsed = command.args.safeParse(invocation.args);
    if (!parsed.success) {
      return [textReply(t("router.badArguments", { usage: t(usageKey(command.name)) }))];
    }

    const now = clock.now();
    try {
      const result = await scope.transaction(async (services) => {
        if (incoming.updateId)
          await services.updates.recordOnce(incoming.user.platform, incoming.updateId, now);
        const available = () => registry.all().filter((c: AnyCommand) => mayRun(c.role, actor.roles));
        const translatorFor = (locale: Locale) => i18n.translator(locale);
        return command.run({
          args: parsed.data,
          actor,
          chat: incoming.chat,
          org,
          ...(incoming.attachment ? { attachment: incoming.attachment } : {}),
          now,
          t,
          translatorFor,
          services,
          available,
        });
      });
      return Array.isArray(result) ? result : [result];
    } catch (error) {
      if (error instanceof DomainError) {
        return [textReply(t(error.key, error.values), { visibility: error.visibility })];
      }
      if (error instanceof UpdateAlreadyApplied) {
        logger.info(
          { platform: incoming.user.platform, updateId: incoming.updateId },
          "duplicate update ignored",
        );
        return [];
      }
      logger.error({ err: error, command: command.name, chat: incoming.chat.id }, "command failed");
      return [textReply(t("router.failed"))];
    }
  }

  #invocation(incoming: Incoming): { word: string; args: string[] } | null {
    if (incoming.payload.type === "action")
      return { word: incoming.payload.command, args: incoming.payload.args };
    const parsed = parseCommandText(incoming.payload.text);
    if (!parsed) return null;
    // "/help@other_bot" in a group is meant for another bot.
    const self = incoming.botUsername?.toLowerCase();
    if (parsed.addressee && self && parsed.addressee.toLowerCase() !== self) return null;
    return { word: parsed.word, args: parsed.args };
  }

  async #notACommand(incoming: Incoming): Promise<Reply[]> {
    // In groups people talk to each other; only a private chat with the bot deserves a hint.
    if (incoming.chat.kind !== "private") return [];
    const { actor } = await this.#resolveActor(incoming);
    return [textReply(this.deps.i18n.translator(actor.locale)("router.notACommand"))];
  }

  async #resolveActor(incoming: Incoming): Promise<{ actor: Actor; org: OrgRecord | null }> {
    const { person, org, roles } = await this.deps.scope.read((services) =>
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
    return { actor, org };
  }
}

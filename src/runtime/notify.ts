// Telling people what happened without making them ask: a private message, through the outbox,
// to each person in their own language. Queued in the
// command's transaction, so a notice goes out exactly when the change it reports was committed.
// The actor is never told what they did themselves; they have the command's answer. Someone who
// chose no language reads the actor's (people of one branch share one, as a rule).

import { matchLocale, type Translate } from "../core/i18n.js";
import type { Reply } from "../core/reply.js";
import type { CommandContext } from "./command.js";

export async function notify(
  ctx: CommandContext<unknown>,
  personIds: Iterable<string | null | undefined>,
  build: (t: Translate) => Reply,
  dedupeKey: string,
): Promise<number> {
  let queued = 0;
  for (const personId of new Set(personIds)) {
    if (!personId || personId === ctx.actor.personId) continue;
    const person = await ctx.services.identity.findById(personId);
    const t = ctx.translatorFor(matchLocale(person?.locale) ?? ctx.actor.locale);
    queued += await ctx.services.outbox.toPerson(personId, build(t), {
      now: ctx.now,
      dedupeKey: `${dedupeKey}:${personId}`,
    });
  }
  return queued;
}

/** The people who decide for an organisation: its secretaries and deputies (for a group, its branch's too). */
export async function deciders(
  ctx: CommandContext<unknown>,
  orgIds: (string | null | undefined)[],
  roles: readonly string[] = ["secretary", "deputy_secretary"],
): Promise<string[]> {
  const people: string[] = [];
  for (const orgId of orgIds) {
    if (!orgId) continue;
    for (const holder of await ctx.services.access.holders(orgId))
      if (roles.includes(holder.role)) people.push(holder.personId);
  }
  return people;
}

/**
 * Who decides a request for an organisation: its holders of `roles`; when it has none (a branch
 * whose secretary is not appointed yet), the secretaries and administrators of the organisations
 * above it, nearest first; at the top, the installation's administrators. A request never waits
 * unseen for a secretary who does not exist.
 */
export async function decidersOrAbove(
  ctx: CommandContext<unknown>,
  orgId: string,
  roles: readonly string[] = ["secretary"],
): Promise<string[]> {
  const holding = async (id: string | null, wanted: readonly string[]) =>
    (await ctx.services.access.holders(id)).filter((h) => wanted.includes(h.role)).map((h) => h.personId);
  let wanted = roles;
  for (let id: string | null = orgId; id; id = (await ctx.services.orgs.findById(id))?.parentId ?? null) {
    const people = await holding(id, wanted);
    if (people.length > 0) return people;
    wanted = ["secretary", "org_admin"];
  }
  return holding(null, ["org_admin"]);
}

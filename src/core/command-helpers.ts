// Small pieces most commands share.
import { DateTime } from "luxon";
import { z } from "zod";
import type { OrgRecord } from "../organization/organization-repository.js";
import type { CommandContext } from "./command.js";
import { DomainError } from "./domain-error.js";
import { normalizeCode } from "./short-code.js";

/** A code typed by hand (invite, member, organisation): case and spaces do not matter. */
export const codeArg = z
  .string()
  .transform(normalizeCode)
  .pipe(z.string().regex(/^[0-9A-Z]{4,8}$/));

export const nameArg = z.string().trim().min(1).max(20);

/** The organisation the command acts on; a clear answer when there is none. */
export function requireOrg(ctx: CommandContext<unknown>): OrgRecord {
  if (!ctx.org)
    throw new DomainError(ctx.chat.kind === "group" ? "errors.chatNotBound" : "errors.noOrganization");
  return ctx.org;
}

/** The person behind the actor, created on first need inside the command's transaction. */
export async function requirePerson(ctx: CommandContext<unknown>): Promise<string> {
  if (ctx.actor.personId) return ctx.actor.personId;
  return (await ctx.services.identity.ensurePerson(ctx.actor.user)).id;
}

export function formatDateTime(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toFormat("yyyy-MM-dd HH:mm");
}

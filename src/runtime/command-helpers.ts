// Small pieces most commands share.

import { DomainError } from "../core/domain-error.js";
import type { OrgRecord } from "../organization/organization-repository.js";
import type { CommandContext } from "./command.js";

export { codeArg, nameArg } from "../core/arg-types.js";
export { formatDateTime } from "../core/format.js";

/** The organisation the command acts on; a clear answer when there is none. */
export function requireOrg(ctx: CommandContext<unknown>): OrgRecord {
  if (ctx.org) return ctx.org;
  if (ctx.chat.kind === "group") throw new DomainError("errors.chatNotBound");
  // Someone who administers organisations but has not chosen one to act on is shown how to
  // choose, not told to ask for an invitation.
  const administers = ctx.actor.roles.some((role) => role !== "anyone" && role !== "member");
  throw new DomainError(administers ? "errors.chooseOrganization" : "errors.noOrganization");
}

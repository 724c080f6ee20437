// Small pieces most commands share.

import { DomainError } from "../core/domain-error.js";
import type { OrgRecord } from "../organization/organization-repository.js";
import type { CommandContext } from "./command.js";

export { codeArg, nameArg } from "../core/arg-types.js";
export { formatDateTime } from "../core/format.js";

/** The organisation the command acts on; a clear answer when there is none. */
export function requireOrg(ctx: CommandContext<unknown>): OrgRecord {
  if (!ctx.org)
    throw new DomainError(ctx.chat.kind === "group" ? "errors.chatNotBound" : "errors.noOrganization");
  return ctx.org;
}

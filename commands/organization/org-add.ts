// /org_add <kind> <name> [parent code]: add a committee, general branch, branch or party group.
// Without a parent code a new node goes under the organisation the command acts on, except a
// committee, which an installation administrator may create at the top.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { ORG_KINDS, parseOrgKind } from "../../src/organization/org-kinds.js";
import { defineCommand } from "../../src/runtime/command.js";
import { codeArg } from "../../src/runtime/command-helpers.js";

const kindArg = z
  .string()
  .transform((w) => parseOrgKind(w))
  .pipe(z.enum(ORG_KINDS));

export const orgAdd = defineCommand({
  name: "org_add",
  aliases: ["新建组织", "neworg"],
  role: "secretary",
  args: z.union([
    z.tuple([kindArg, z.string().trim().min(1).max(40)]),
    z.tuple([kindArg, z.string().trim().min(1).max(40), codeArg]),
  ]),
  async run(ctx) {
    const [kind, name, parentCode] = ctx.args;
    const parent = parentCode
      ? await ctx.services.orgs.requireByCode(parentCode)
      : kind === "committee" && !ctx.org
        ? null
        : ctx.org;
    const org = await ctx.services.orgs.create(ctx.personId, { kind, name, parent }, ctx.now);
    return textReply(
      ctx.t("orgs.created", {
        kind: ctx.t(`orgKinds.${kind}`),
        name: org.name,
        code: org.code,
        parent: parent?.name ?? "—",
      }),
    );
  },
});

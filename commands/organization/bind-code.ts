// /bind_code: a one-time code the secretary sends in the group chat (/bind CODE) to bind it.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";
import { codeArg, formatDateTime, requireOrg } from "../../src/runtime/command-helpers.js";

export const bindCode = defineCommand({
  name: "bind_code",
  aliases: ["绑定码"],
  role: "secretary",
  args: z.union([z.tuple([]), z.tuple([codeArg])]),
  async run(ctx) {
    const org = ctx.args[0] ? await ctx.services.orgs.requireByCode(ctx.args[0]) : requireOrg(ctx);
    const { code, expiresAt } = await ctx.services.chats.createBindCode(ctx.personId, org, ctx.now);
    const zone = await ctx.services.zones.of(org.id);
    const text = ctx.t("chats.bindCode", { name: org.name, code, until: formatDateTime(expiresAt, zone) });
    const link = ctx.links?.addToGroup("bind", [code]);
    return textReply(link ? `${text}\n${ctx.t("chats.bindLink", { link })}` : text, {
      visibility: "private",
    });
  },
});

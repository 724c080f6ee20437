// /unbind: detach this group chat from its organisation.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";

export const unbind = defineCommand({
  name: "unbind",
  aliases: ["解绑"],
  role: "secretary",
  args: z.tuple([]),
  async run(ctx) {
    const org = await ctx.services.chats.unbind(ctx.personId, ctx.chat, ctx.now);
    return textReply(ctx.t("chats.unbound", { name: org.name }));
  },
});

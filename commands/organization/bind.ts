// /bind <code>: in a group chat, bind it to the organisation the code was made for. Anyone may
// send it; only a secretary of that organisation succeeds.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";
import { codeArg } from "../../src/runtime/command-helpers.js";

export const bind = defineCommand({
  name: "bind",
  aliases: ["绑定"],
  role: "anyone",
  args: z.tuple([codeArg]),
  async run(ctx) {
    const org = await ctx.services.chats.bind(ctx.personId, ctx.chat, ctx.args[0], ctx.now);
    return textReply(ctx.t("chats.bound", { name: org.name }));
  },
});

// /link: be the same person on Telegram and Slack. Without a code, the bot gives one to type on
// the other platform; with the code, this account joins the person who asked for it.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";
import { codeArg } from "../../src/runtime/command-helpers.js";

export const link = defineCommand({
  name: "link",
  aliases: ["关联账号", "绑定账号"],
  role: "anyone",
  person: "optional",
  args: z.union([z.tuple([]), z.tuple([codeArg])]),
  async run(ctx) {
    const [code] = ctx.args;
    if (!code) {
      const made = await ctx.services.identity.createLinkCode(ctx.actor.user, ctx.now);
      return textReply(ctx.t("link.code", { code: made }), { visibility: "private" });
    }
    const person = await ctx.services.identity.link(ctx.actor.user, code, ctx.now);
    return textReply(
      ctx.t("link.done", {
        name: person.displayName,
        platform: ctx.t(`platforms.${ctx.actor.user.platform}`),
      }),
      {
        visibility: "private",
      },
    );
  },
});

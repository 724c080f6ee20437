// /signup_cancel <code>: give a volunteer place back (before checking in).
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { codeArg } from "../../../src/runtime/command-helpers.js";

export const signupCancel = defineCommand({
  name: "signup_cancel",
  aliases: ["取消报名"],
  role: "anyone",
  args: z.tuple([codeArg]),
  async run(ctx) {
    const { activity } = await ctx.services.volunteers.cancel(ctx.personId, ctx.args[0], ctx.now);
    return textReply(ctx.t("community.cancelled", { title: activity.title }), { visibility: "private" });
  },
});

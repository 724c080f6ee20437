// /signup <code> (the 报名 button): take a place in a volunteer activity.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { codeArg } from "../../../src/runtime/command-helpers.js";

export const signup = defineCommand({
  name: "signup",
  aliases: ["报名"],
  role: "anyone",
  args: z.tuple([codeArg]),
  async run(ctx) {
    const r = await ctx.services.volunteers.signUp(ctx.personId, ctx.args[0], ctx.now);
    const key = r.already ? "community.alreadySignedUp" : "community.signedUp";
    return textReply(
      ctx.t(key, { title: r.activity.title, left: r.activity.capacity - r.activity.signedUp }),
      {
        visibility: "private",
      },
    );
  },
});

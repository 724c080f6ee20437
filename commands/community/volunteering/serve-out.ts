// /serve_out <code>: check out of a volunteer activity; the time served is recorded.
import { z } from "zod";
import { hoursText } from "../../../src/community/community-rules.js";
import { textReply } from "../../../src/core/reply.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { codeArg } from "../../../src/runtime/command-helpers.js";

export const serveOut = defineCommand({
  name: "serve_out",
  aliases: ["服务签退"],
  role: "anyone",
  args: z.tuple([codeArg]),
  async run(ctx) {
    const r = await ctx.services.volunteers.checkOut(ctx.personId, ctx.args[0], ctx.now);
    return textReply(ctx.t("community.out", { title: r.activity.title, hours: hoursText(r.minutes) }), {
      visibility: "private",
    });
  },
});

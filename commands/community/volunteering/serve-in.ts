// /serve_in <code>: check in at a volunteer activity (from half an hour before it starts).
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { codeArg, formatDateTime } from "../../../src/runtime/command-helpers.js";

export const serveIn = defineCommand({
  name: "serve_in",
  aliases: ["服务签到"],
  role: "anyone",
  args: z.tuple([codeArg]),
  async run(ctx) {
    const r = await ctx.services.volunteers.checkIn(ctx.personId, ctx.args[0], ctx.now);
    const zone = await ctx.services.zones.of(r.activity.organizationId, ctx.orgChain);
    const at = formatDateTime(r.at, zone).slice(11);
    return textReply(
      ctx.t(r.already ? "community.alreadyIn" : "community.in", { title: r.activity.title, at }),
      {
        visibility: "private",
      },
    );
  },
});

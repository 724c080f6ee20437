// /end_series <系列编号> [原因]: stops a recurring meeting; its coming meetings are cancelled and
// each cancellation is announced where the meeting was, as /cancel_meeting does.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { announce } from "../../../src/meetings/announce.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { codeArg } from "../../../src/runtime/command-helpers.js";

export const endSeries = defineCommand({
  name: "end_series",
  aliases: ["停止定期会议"],
  role: "group_leader",
  args: z.tuple([codeArg], z.string().max(200)),
  async run(ctx) {
    const [code, ...reason] = ctx.args;
    const { cancelled } = await ctx.services.series.end(
      ctx.personId,
      code,
      reason.join(" ").trim() || null,
      ctx.now,
    );
    for (const meeting of cancelled) await announce(ctx.services, meeting, ctx.now);
    return textReply(ctx.t("series.ended2", { code, count: cancelled.length }));
  },
});

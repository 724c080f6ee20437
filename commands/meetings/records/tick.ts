// /tick <meeting> <item number>: tick an item of the theme party day's "5+X" agenda.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { announce } from "../../../src/meetings/announce.js";
import { meetingCodeArg } from "../../../src/meetings/meeting-code-arg.js";
import { defineCommand } from "../../../src/runtime/command.js";

export const tick = defineCommand({
  name: "tick",
  aliases: ["勾选", "完成议程"],
  role: "member",
  args: z.tuple([meetingCodeArg, z.coerce.number().int().min(1).max(12)]),
  async run(ctx) {
    const [code, item] = ctx.args;
    const result = await ctx.services.meetings.records.tick(ctx.personId, code, item, ctx.now);
    await announce(ctx.services, result.meeting, ctx.now);
    return textReply(
      ctx.t("checklist.ticked", { item: result.item, done: result.done, total: result.total }),
    );
  },
});

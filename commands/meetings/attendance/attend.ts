// /attend <code> (the 参加 button): tell the secretary you will come.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { announce } from "../../../src/meetings/announce.js";
import { meetingCodeArg } from "../../../src/meetings/meeting-code-arg.js";
import { defineCommand } from "../../../src/runtime/command.js";

export const attend = defineCommand({
  name: "attend",
  aliases: ["参加"],
  role: "member",
  args: z.tuple([meetingCodeArg]),
  async run(ctx) {
    const { meeting } = await ctx.services.meetings.attendance.respond(ctx.personId, ctx.args[0], ctx.now);
    await announce(ctx.services, meeting, ctx.now);
    return textReply(ctx.t("attendance.attending", { topic: meeting.topic }), { visibility: "private" });
  },
});

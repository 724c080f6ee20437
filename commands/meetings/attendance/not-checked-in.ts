// /not_checked_in <meeting>: who is expected and has neither checked in nor been excused.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { meetingCodeArg } from "../../../src/meetings/meeting-code-arg.js";
import { defineCommand } from "../../../src/runtime/command.js";

export const notCheckedIn = defineCommand({
  name: "not_checked_in",
  aliases: ["未签到"],
  role: "group_leader",
  args: z.tuple([meetingCodeArg]),
  async run(ctx) {
    const missing = await ctx.services.meetings.attendance.notCheckedIn(ctx.personId, ctx.args[0]);
    if (missing.length === 0) return textReply(ctx.t("checkIn.everyoneIn"));
    return textReply(
      ctx.t("checkIn.missing", { count: missing.length, names: missing.map((m) => m.name).join("、") }),
      {
        visibility: "private",
      },
    );
  },
});

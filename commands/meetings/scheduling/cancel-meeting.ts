// /cancel_meeting <code> [reason]: cancel a scheduled meeting; the chat is told.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { meetingCodeArg } from "../../../src/meetings/meeting-code-arg.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { tellGroupOfChange } from "./meeting-changed.js";

export const cancelMeeting = defineCommand({
  name: "cancel_meeting",
  aliases: ["取消会议"],
  role: "group_leader",
  args: z.tuple([meetingCodeArg]).rest(z.string()),
  async run(ctx) {
    const [code, ...reason] = ctx.args;
    const cancelled = await ctx.services.meetings.scheduling.cancel(
      ctx.personId,
      code,
      reason.join(" ").slice(0, 200) || null,
      ctx.now,
    );
    await tellGroupOfChange(ctx, cancelled, "meetingChanged.cancelled", {
      code,
      topic: cancelled.topic,
      reason: cancelled.cancelReason ?? "—",
    });
    return textReply(ctx.t("meetingChanged.cancelledAck", { code }));
  },
});

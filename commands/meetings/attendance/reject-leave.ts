// /reject_leave <leave code> [note]: the member is still expected.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { announce } from "../../../src/meetings/announce.js";
import { leaveCodeArg } from "../../../src/meetings/meeting-code-arg.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { tellLeaveDecision } from "./leave-notice.js";

export const rejectLeave = defineCommand({
  name: "reject_leave",
  aliases: ["驳回请假", "不批准"],
  role: "group_leader",
  settlesPressed: true,
  args: z.tuple([leaveCodeArg]).rest(z.string()),
  async run(ctx) {
    const [code, ...note] = ctx.args;
    const noteText = note.join(" ").slice(0, 200);
    const { meeting, member } = await ctx.services.meetings.attendance.decideLeave(
      ctx.personId,
      code,
      false,
      noteText || null,
      ctx.now,
    );
    await announce(ctx.services, meeting, ctx.now);
    await tellLeaveDecision(ctx, { meeting, member }, code, false, noteText || null);
    return textReply(ctx.t("leave.rejected", { name: member?.name ?? "", topic: meeting.topic }));
  },
});

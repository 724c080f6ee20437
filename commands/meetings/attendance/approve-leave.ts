// /approve_leave <leave code>: excused absence (请假), not counted as 无故缺席.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { announce } from "../../../src/meetings/announce.js";
import { leaveCodeArg } from "../../../src/meetings/meeting-code-arg.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { tellLeaveDecision } from "./leave-notice.js";

export const approveLeave = defineCommand({
  name: "approve_leave",
  aliases: ["批准请假"],
  role: "group_leader",
  settlesPressed: true,
  args: z.tuple([leaveCodeArg]),
  async run(ctx) {
    const { meeting, member } = await ctx.services.meetings.attendance.decideLeave(
      ctx.personId,
      ctx.args[0],
      true,
      null,
      ctx.now,
    );
    await announce(ctx.services, meeting, ctx.now);
    await tellLeaveDecision(ctx, { meeting, member }, ctx.args[0], true, null);
    return textReply(ctx.t("leave.approved", { name: member?.name ?? "", topic: meeting.topic }));
  },
});

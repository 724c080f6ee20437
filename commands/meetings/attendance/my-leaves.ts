// /my_leaves: my leave requests and what became of them.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { defineCommand } from "../../../src/runtime/command.js";

export const myLeaves = defineCommand({
  name: "my_leaves",
  aliases: ["我的请假"],
  role: "anyone",
  args: z.tuple([]),
  async run(ctx) {
    const list = await ctx.services.meetings.attendance.leavesOf(ctx.personId);
    if (list.length === 0) return textReply(ctx.t("leave.noneMine"), { visibility: "private" });
    const lines = list.map((l) =>
      ctx.t("leave.mineLine", {
        topic: l.meeting.topic,
        code: l.code,
        reason: l.reason,
        status: ctx.t(`leaveStatus.${l.status}`),
      }),
    );
    return textReply(lines.join("\n"), { visibility: "private" });
  },
});

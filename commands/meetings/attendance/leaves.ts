// /leaves: leave requests waiting for the secretary, each with approve and reject buttons.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { requireOrg } from "../../../src/runtime/command-helpers.js";

export const leaves = defineCommand({
  name: "leaves",
  aliases: ["请假审批", "待批请假"],
  role: "secretary",
  args: z.tuple([]),
  async run(ctx) {
    const pending = await ctx.services.meetings.attendance.pendingLeaves(ctx.personId, requireOrg(ctx));
    if (pending.length === 0) return textReply(ctx.t("leave.nonePending"));
    const names = new Map<string, string>();
    for (const p of pending) {
      if (!names.has(p.memberId))
        names.set(p.memberId, (await ctx.services.membership.memberById(p.memberId))?.name ?? "");
    }
    return pending.map((p) =>
      textReply(
        ctx.t("leave.pendingLine", {
          code: p.code,
          name: names.get(p.memberId),
          topic: p.meeting.topic,
          reason: p.reason,
        }),
        {
          buttons: [
            [
              { label: ctx.t("leave.approveButton"), command: "approve_leave", args: [p.code] },
              { label: ctx.t("leave.rejectButton"), command: "reject_leave", args: [p.code] },
            ],
          ],
        },
      ),
    );
  },
});

// /leave <code> <reason…> (the 请假 button): ask for leave. Pressed without a reason, the bot asks
// for it in the private chat, so the reason is not shown to the whole group.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { announce } from "../../../src/meetings/announce.js";
import { meetingCodeArg } from "../../../src/meetings/meeting-code-arg.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { formatDateTime } from "../../../src/runtime/command-helpers.js";
import { deciders, notify } from "../../../src/runtime/notify.js";

export const leave = defineCommand({
  name: "leave",
  aliases: ["请假"],
  role: "member",
  args: z.tuple([meetingCodeArg]).rest(z.string()),
  async run(ctx) {
    const [code, ...words] = ctx.args;
    const reason = words.join(" ").trim().slice(0, 200);
    if (!reason) {
      // Check now that the meeting is theirs, open and still ahead, before asking anything.
      const { meeting } = await ctx.services.meetings.attendance.mayAskLeave(ctx.personId, code, ctx.now);
      return ctx.ask(ctx.t("leave.askReason", { topic: meeting.topic }), "leave", [code], "private");
    }
    const {
      meeting,
      member,
      leave: request,
    } = await ctx.services.meetings.attendance.requestLeave(ctx.personId, code, reason, ctx.now);
    await announce(ctx.services, meeting, ctx.now);
    const zone = await ctx.services.zones.of(meeting.organizationId);
    const approvers = [
      ...(await deciders(ctx, [meeting.organizationId])),
      ...(await deciders(ctx, [meeting.groupId], ["group_leader"])),
    ];
    await notify(
      ctx,
      approvers,
      (t) =>
        textReply(
          t("notices.leaveRequested", {
            name: member.name,
            topic: meeting.topic,
            when: formatDateTime(meeting.startsAt, zone),
            reason,
            code: request.code,
          }),
          {
            buttons: [
              [
                { label: t("notices.approveLeave"), command: "approve_leave", args: [request.code] },
                { label: t("notices.rejectLeave"), command: "reject_leave", args: [request.code] },
              ],
            ],
          },
        ),
      `leave-requested:${request.code}`,
    );
    return textReply(ctx.t("leave.requested", { topic: meeting.topic, code: request.code }), {
      visibility: "private",
    });
  },
});

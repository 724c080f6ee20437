// /approve_leave <leave code>: excused absence (请假), not counted as 无故缺席.
import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { formatDateTime, requirePerson } from "../src/core/command-helpers.js";
import { notify } from "../src/core/notify.js";
import { textReply } from "../src/core/reply.js";
import { announce } from "../src/meetings/announce.js";
import { leaveCodeArg } from "../src/meetings/meeting-code-arg.js";

export const approveLeave = defineCommand({
  name: "approve_leave",
  aliases: ["批准请假"],
  role: "group_leader",
  args: z.tuple([leaveCodeArg]),
  async run(ctx) {
    const actorId = await requirePerson(ctx);
    const { meeting, member } = await ctx.services.meetings.decideLeave(
      actorId,
      ctx.args[0],
      true,
      null,
      ctx.now,
    );
    await announce(ctx.services, meeting, ctx.now);
    const zone = await ctx.services.orgs.timeZone(meeting.organizationId);
    await notify(
      ctx,
      [member?.personId],
      (t) =>
        textReply(
          t("notices.leaveApproved", {
            topic: meeting.topic,
            when: formatDateTime(meeting.startsAt, zone),
          }),
        ),
      `leave-decided:${ctx.args[0]}`,
    );
    return textReply(ctx.t("leave.approved", { name: member?.name ?? "", topic: meeting.topic }));
  },
});

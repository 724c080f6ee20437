// /reject_leave <leave code> [note]: the member is still expected.
import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { formatDateTime, requirePerson } from "../src/core/command-helpers.js";
import { notify } from "../src/core/notify.js";
import { textReply } from "../src/core/reply.js";
import { announce } from "../src/meetings/announce.js";
import { leaveCodeArg } from "../src/meetings/meeting-code-arg.js";

export const rejectLeave = defineCommand({
  name: "reject_leave",
  aliases: ["驳回请假", "不批准"],
  role: "group_leader",
  args: z.tuple([leaveCodeArg]).rest(z.string()),
  async run(ctx) {
    const [code, ...note] = ctx.args;
    const noteText = note.join(" ").slice(0, 200);
    const actorId = await requirePerson(ctx);
    const { meeting, member } = await ctx.services.meetings.decideLeave(
      actorId,
      code,
      false,
      note.join(" ").slice(0, 200) || null,
      ctx.now,
    );
    await announce(ctx.services, meeting, ctx.now);
    const zone = await ctx.services.orgs.timeZone(meeting.organizationId);
    await notify(
      ctx,
      [member?.personId],
      (t) =>
        textReply(
          t("notices.leaveRejected", {
            topic: meeting.topic,
            when: formatDateTime(meeting.startsAt, zone),
            note: noteText ? t("notices.reason", { reason: noteText }) : "",
          }),
        ),
      `leave-decided:${ctx.args[0]}`,
    );
    return textReply(ctx.t("leave.rejected", { name: member?.name ?? "", topic: meeting.topic }));
  },
});

// /reject_leave <leave code> [note]: the member is still expected.
import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { requirePerson } from "../src/core/command-helpers.js";
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
    const actorId = await requirePerson(ctx);
    const { meeting, member } = await ctx.services.meetings.decideLeave(
      actorId,
      code,
      false,
      note.join(" ").slice(0, 200) || null,
      ctx.now,
    );
    await announce(ctx.services, meeting, ctx.now);
    return textReply(ctx.t("leave.rejected", { name: member?.name ?? "", topic: meeting.topic }));
  },
});

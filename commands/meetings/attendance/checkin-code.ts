// /checkin_code <meeting>: require (or rotate) a four-digit sign-in code that the host shows in the
// room, so nobody checks in for someone who is not there. Sent privately to the host.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { announce } from "../../../src/meetings/announce.js";
import { meetingCodeArg } from "../../../src/meetings/meeting-code-arg.js";
import { defineCommand } from "../../../src/runtime/command.js";

export const checkinCode = defineCommand({
  name: "checkin_code",
  aliases: ["签到码"],
  role: "group_leader",
  args: z.tuple([meetingCodeArg]),
  async run(ctx) {
    const { meeting, signinCode } = await ctx.services.meetings.attendance.rotateCheckInCode(
      ctx.personId,
      ctx.args[0],
      ctx.now,
    );
    // The announcement now says a sign-in code is needed (and shows 签到 if check-in is open).
    await announce(ctx.services, meeting, ctx.now);
    return textReply(ctx.t("checkIn.codeIssued", { code: signinCode, topic: meeting.topic }), {
      visibility: "private",
    });
  },
});

// /close_meeting <code>: the secretary closes the meeting. The ledger is frozen; absentees without
// a reason are recorded as 无故; from now on only /correct changes the record, and it is logged.
// The announcement in the group is updated to 已结束, without its buttons.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { announce } from "../../../src/meetings/announce.js";
import { renderLedger } from "../../../src/meetings/ledger-text.js";
import { meetingCodeArg } from "../../../src/meetings/meeting-code-arg.js";
import { defineCommand } from "../../../src/runtime/command.js";

export const closeMeeting = defineCommand({
  name: "close_meeting",
  aliases: ["结束会议", "闭会"],
  role: "group_leader",
  args: z.tuple([meetingCodeArg]),
  async run(ctx) {
    const { meeting, markedUnexcused } = await ctx.services.meetings.records.close(
      ctx.personId,
      ctx.args[0],
      ctx.now,
    );
    const ledger = await ctx.services.meetings.access.ledger(meeting);
    // The group's announcement shows it ended (with its counts) and loses its buttons.
    await announce(ctx.services, meeting, ctx.now);
    const head =
      ctx.t("close.done", { topic: meeting.topic }) +
      (markedUnexcused > 0 ? `\n${ctx.t("close.markedUnexcused", { count: markedUnexcused })}` : "");
    return textReply(`${head}\n${renderLedger(meeting, ledger, ctx.t)}`);
  },
});

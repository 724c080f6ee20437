// /meeting <code>: one meeting with its attendance ledger (应到/实到/请假/缺席 and reasons, quorum)
// and, once recorded, its minutes.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { renderAnnouncement } from "../../../src/meetings/announcement.js";
import { renderLedger } from "../../../src/meetings/ledger-text.js";
import { meetingCodeArg } from "../../../src/meetings/meeting-code-arg.js";
import { defineCommand } from "../../../src/runtime/command.js";

export const meeting = defineCommand({
  name: "meeting",
  aliases: ["会议详情"],
  role: "anyone",
  args: z.tuple([meetingCodeArg]),
  async run(ctx) {
    const detail = await ctx.services.meetings.records.detail(ctx.personId, ctx.args[0]);
    const head = renderAnnouncement(detail, ctx.t, ctx.now);
    return [head, textReply(renderLedger(detail.meeting, detail.ledger, ctx.t))];
  },
});

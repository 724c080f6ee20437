// /checkin <meeting> [sign-in code] (the 签到 button): record attendance. Late check-ins are
// recorded as late; a second one is harmless; when the host requires the code shown in the room,
// the button asks for it.
import { z } from "zod";
import { DomainError } from "../../../src/core/domain-error.js";
import { textReply } from "../../../src/core/reply.js";
import { announceCheckIn } from "../../../src/meetings/announce.js";
import { meetingCodeArg } from "../../../src/meetings/meeting-code-arg.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { formatDateTime } from "../../../src/runtime/command-helpers.js";

export const checkin = defineCommand({
  name: "checkin",
  aliases: ["签到"],
  role: "member",
  // The check-in row is one idempotent statement; the announcement is bumped after it.
  writes: "one-statement",
  args: z.union([z.tuple([meetingCodeArg]), z.tuple([meetingCodeArg, z.string().regex(/^\d{4}$/)])]),
  async run(ctx) {
    const [code, signinCode] = ctx.args;
    try {
      const result = await ctx.services.meetings.attendance.checkIn(
        ctx.personId,
        code,
        signinCode ?? null,
        signinCode ? "command" : "button",
        ctx.now,
      );
      const zone = await ctx.services.zones.of(result.meeting.organizationId, ctx.orgChain);
      const at = formatDateTime(result.at, zone).slice(11);
      if (result.already) return textReply(ctx.t("checkIn.already", { at }), { visibility: "private" });
      await announceCheckIn(ctx.services, result.meeting, ctx.now);
      return textReply(
        ctx.t(result.late ? "checkIn.late" : "checkIn.done", { at, topic: result.meeting.topic }),
        { visibility: "private" },
      );
    } catch (error) {
      // The button carries no code: ask for the one the host shows in the room, privately, so
      // the member does not type it where everyone (and anyone checking in for someone) sees it.
      if (error instanceof DomainError && error.key === "meetings.checkInCodeNeeded") {
        return ctx.ask(ctx.t("checkIn.askCode"), "checkin", [code], "private");
      }
      throw error;
    }
  },
});

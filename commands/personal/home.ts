// /home: my own page — my upcoming meetings, each with its 参加/请假/签到 buttons, my leave
// requests and my dues. Slack shows it as the App Home tab; elsewhere it is a command.
import { z } from "zod";
import { DomainError } from "../../src/core/domain-error.js";
import { type Button, bold, plain, type Reply } from "../../src/core/reply.js";
import { formatMeetingTime } from "../../src/meetings/announcement.js";
import { checkInTiming } from "../../src/meetings/check-in-rules.js";
import { defineCommand, type PersonContext } from "../../src/runtime/command.js";
import { myDues } from "../dues/my-dues.js";
import { myLeaves } from "../meetings/attendance/my-leaves.js";

const MEETINGS_SHOWN = 5;

export const home = defineCommand({
  name: "home",
  aliases: ["我的", "主页"],
  role: "anyone",
  args: z.tuple([]),
  async run(ctx) {
    const upcoming = await ctx.services.meetings.views.upcomingWithAnswers(
      ctx.personId,
      ctx.now,
      MEETINGS_SHOWN,
    );
    const replies: Reply[] = [
      {
        segments: [
          bold(ctx.t("home.title")),
          plain(`\n${ctx.t("home.meetings", { count: upcoming.length })}`),
        ],
        visibility: "private",
      },
    ];
    for (const { meeting, answer } of upcoming) {
      const zone = await ctx.services.zones.of(meeting.organizationId);
      // What the person already answered is shown instead of the button that gave it.
      const row: Button[] = [];
      if (ctx.now < meeting.startsAt && answer !== "checked_in") {
        if (answer !== "attending")
          row.push({ label: ctx.t("announcement.attend"), command: "attend", args: [meeting.code] });
        if (answer !== "leave_pending" && answer !== "leave_approved")
          row.push({ label: ctx.t("announcement.leave"), command: "leave", args: [meeting.code] });
      }
      const timing = checkInTiming(meeting, ctx.now);
      if (answer !== "checked_in" && (timing === "on_time" || timing === "late"))
        row.push({ label: ctx.t("announcement.checkIn"), command: "checkin", args: [meeting.code] });
      replies.push({
        segments: [
          bold(
            ctx.t("punctuation.typed", { type: ctx.t(`meetingTypes.${meeting.type}`), topic: meeting.topic }),
          ),
          plain(`\n${formatMeetingTime(meeting.startsAt, zone, ctx.t)} · ${meeting.place} · ${meeting.code}`),
          ...(answer ? [plain(`\n${ctx.t(`home.answer.${answer}`)}`)] : []),
        ],
        ...(row.length > 0 ? { buttons: [row] } : {}),
        visibility: "private",
      });
    }
    const noArgs: PersonContext<[]> = { ...ctx, args: [] };
    for (const part of [myLeaves, myDues]) {
      try {
        const reply = await part.run(noArgs);
        replies.push(...(Array.isArray(reply) ? reply : [reply]));
      } catch (error) {
        // Not a member anywhere yet: the page shows what there is.
        if (!(error instanceof DomainError)) throw error;
      }
    }
    return replies;
  },
});

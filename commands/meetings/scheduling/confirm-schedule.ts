// /confirm_schedule <草稿编号>: the 确认 button of a meeting card — creates the meeting(s) the
// card showed, announces them, and says so. Only the person who wrote the draft may press it; a
// second press creates nothing.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { announce, postCalendarFile } from "../../../src/meetings/announce.js";
import { formatMeetingTime } from "../../../src/meetings/announcement.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { codeArg } from "../../../src/runtime/command-helpers.js";

export const confirmSchedule = defineCommand({
  name: "confirm_schedule",
  aliases: ["确认安排"],
  role: "group_leader",
  settlesPressed: true,
  args: z.tuple([codeArg]),
  async run(ctx) {
    const { org, meetings } = await ctx.services.drafts.confirm(ctx.personId, ctx.args[0], ctx.now);
    const [first] = meetings;
    if (!first) throw new Error("no meeting scheduled");
    const zone = await ctx.services.zones.of(org.id);
    const chats = await announce(ctx.services, first, ctx.now);
    await postCalendarFile(ctx.services, first, ctx.now);
    const when = meetings.map((m) => `${formatMeetingTime(m.startsAt, zone, ctx.t)} ${m.code}`).join("\n");
    return textReply(
      ctx.t("schedule.done", {
        type: ctx.t(`meetingTypes.${first.type}`),
        topic: first.topic,
        when,
        count: meetings.length,
      }) +
        (chats > 0 ? `\n${ctx.t("schedule.announced", { count: chats })}` : `\n${ctx.t("schedule.noChat")}`),
    );
  },
});

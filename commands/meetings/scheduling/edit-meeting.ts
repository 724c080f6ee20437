// /edit_meeting <code> <time|place|topic|host|recorder> <value…>: change a scheduled meeting; the
// announcement in the chat is updated and the change is announced.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { postCalendarFile } from "../../../src/meetings/announce.js";
import { formatMeetingTime } from "../../../src/meetings/announcement.js";
import { meetingCodeArg } from "../../../src/meetings/meeting-code-arg.js";
import { whenOrRefuse } from "../../../src/meetings/time-phrase/starts-at.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { tellGroupOfChange } from "./meeting-changed.js";

const FIELDS: Record<string, "time" | "place" | "topic" | "host" | "recorder"> = {
  time: "time",
  时间: "time",
  place: "place",
  地点: "place",
  topic: "topic",
  主题: "topic",
  host: "host",
  主持: "host",
  主持人: "host",
  recorder: "recorder",
  记录: "recorder",
  记录人: "recorder",
};
const field = z
  .string()
  .transform((w) => FIELDS[w.toLowerCase()])
  .pipe(z.enum(["time", "place", "topic", "host", "recorder"]));

export const editMeeting = defineCommand({
  name: "edit_meeting",
  aliases: ["修改会议"],
  role: "group_leader",
  args: z.tuple([meetingCodeArg, field, z.string()]).rest(z.string()),
  async run(ctx) {
    const [code, what, ...words] = ctx.args;
    const value = words.join(" ").trim();
    let startsAt: Date | undefined;
    let endsAt: Date | null = null;
    if (what === "time") {
      const meeting = await ctx.services.meetings.access.find(code);
      const zone = await ctx.services.zones.of(meeting.organizationId);
      // As secretaries write it: 3月10日 20:00, 下周三晚上7点半.
      // A range (下午3点到5点) sets the end too; a bare time keeps the meeting's length.
      ({ start: startsAt, end: endsAt } = whenOrRefuse(value, ctx.now, zone, (d) =>
        formatMeetingTime(d, zone, ctx.t),
      ));
    }
    const updated = await ctx.services.meetings.scheduling.edit(
      ctx.personId,
      code,
      {
        field: what,
        value: what === "host" || what === "recorder" ? value.toUpperCase() : value,
        ...(startsAt ? { startsAt } : {}),
        ...(endsAt ? { endsAt } : {}),
      },
      ctx.now,
    );
    // What a calendar shows changed: a new file moves the event already added (same UID).
    if (what === "time" || what === "place" || what === "topic")
      await postCalendarFile(ctx.services, updated, ctx.now);
    await tellGroupOfChange(ctx, updated, "meetingChanged.edited", {
      code,
      topic: updated.topic,
      field: ctx.groupT(`meetingFields.${what}`),
      value,
    });
    return textReply(ctx.t("meetingChanged.editedAck", { code }));
  },
});

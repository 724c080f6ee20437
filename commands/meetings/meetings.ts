// /meetings: upcoming meetings, and those under way until they are closed — a member sees their
// own; in a bound group, the branch's.
import { z } from "zod";
import { bold, plain, type Segment } from "../../src/core/reply.js";
import { formatMeetingTime } from "../../src/meetings/announcement.js";
import { defineCommand } from "../../src/runtime/command.js";

export const meetings = defineCommand({
  name: "meetings",
  aliases: ["会议", "近期会议"],
  role: "anyone",
  args: z.tuple([]),
  async run(ctx) {
    const list =
      ctx.chat.kind === "group" && ctx.org
        ? await ctx.services.meetings.views.upcomingOf(
            ctx.org.kind === "group" && ctx.org.parentId ? ctx.org.parentId : ctx.org.id,
            ctx.now,
          )
        : await ctx.services.meetings.views.upcomingFor(ctx.personId, ctx.now);
    if (list.length === 0) return { segments: [plain(ctx.t("meetingsList.none"))] };
    const segments: Segment[] = [bold(ctx.t("meetingsList.title"))];
    for (const m of list) {
      const zone = await ctx.services.zones.of(m.organizationId);
      segments.push(
        plain(
          `\n${formatMeetingTime(m.startsAt, zone, ctx.t)}${m.startsAt <= ctx.now ? ctx.t("meetingsList.underWay") : ""} ${ctx.t("punctuation.typed", { type: ctx.t(`meetingTypes.${m.type}`), topic: m.topic })} · ${m.place} · ${m.code}`,
        ),
      );
    }
    segments.push(plain(`\n${ctx.t("meetingsList.footer")}`));
    return { segments };
  },
});

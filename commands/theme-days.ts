// /theme_days [months]: schedule the monthly theme party days (主题党日) for the coming months on
// the day and time set for the whole county (or overridden for the branch).
import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { requireOrg, requirePerson } from "../src/core/command-helpers.js";
import { textReply } from "../src/core/reply.js";
import { announce } from "../src/meetings/announce.js";
import { formatMeetingTime } from "../src/meetings/announcement.js";

export const themeDays = defineCommand({
  name: "theme_days",
  aliases: ["主题党日", "安排主题党日"],
  role: "secretary",
  args: z.union([z.tuple([]), z.tuple([z.coerce.number().int().min(1).max(12)])]),
  async run(ctx) {
    const org = requireOrg(ctx);
    const actorId = await requirePerson(ctx);
    const meetings = await ctx.services.meetings.scheduleThemeDays(actorId, org, ctx.args[0] ?? 3, ctx.now);
    const zone = await ctx.services.meetings.zoneOf(org.id);
    const [first] = meetings;
    if (first) await announce(ctx.services, first, ctx.now);
    const lines = meetings.map((m) => `${formatMeetingTime(m.startsAt, zone, ctx.t)} ${m.code}`);
    return textReply(`${ctx.t("themeDays.done", { count: meetings.length })}\n${lines.join("\n")}`);
  },
});

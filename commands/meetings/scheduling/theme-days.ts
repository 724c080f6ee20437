// /theme_days: makes the monthly theme party day (主题党日) a recurring rule on the day and time set
// for the county (themeDay.dayOfMonth, themeDay.time, inherited down the tree). Typed at a
// committee, the rule reaches every branch below it that has no theme-day rule of its own; typed
// at a branch, it is the branch's own. Its meetings are made a quarter ahead, kept up daily.
import { z } from "zod";
import { DomainError } from "../../../src/core/domain-error.js";
import { textReply } from "../../../src/core/reply.js";
import { announce } from "../../../src/meetings/announce.js";
import { formatMeetingTime } from "../../../src/meetings/announcement.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { requireOrg } from "../../../src/runtime/command-helpers.js";

export const themeDays = defineCommand({
  name: "theme_days",
  aliases: ["主题党日", "安排主题党日"],
  role: "secretary",
  args: z.tuple([]),
  async run(ctx) {
    const org = requireOrg(ctx);
    const existing = (await ctx.services.series.list(org, ctx.now)).find(
      ({ series }) => series.type === "theme_day" && series.organizationId === org.id,
    );
    if (existing) throw new DomainError("themeDays.exists", { code: existing.series.code });
    const settings = await ctx.services.orgs.settings(org.id);
    const day = settings["themeDay.dayOfMonth"].value as number;
    const time = settings["themeDay.time"].value as string;
    const recurrence = {
      rule: `FREQ=MONTHLY;BYMONTHDAY=${day}`,
      ruleText: ctx.t("themeDays.rule", { day }),
      time,
    };
    const [first] = await ctx.services.series.preview(recurrence, org.id, ctx.now, 1);
    if (!first) throw new DomainError("series.noOccurrence");
    const topic = ctx.t("meetingTypes.theme_day");
    const { series, meetings } = await ctx.services.series.create(
      ctx.personId,
      org,
      {
        type: "theme_day",
        startsAt: first,
        place: ctx.t("themeDays.place"),
        topic,
        online: false,
        occurrences: 1,
      },
      recurrence,
      ctx.now,
    );
    // Each branch's first theme day is announced in its own chat.
    const announced = new Set<string>();
    for (const meeting of meetings)
      if (!announced.has(meeting.organizationId)) {
        announced.add(meeting.organizationId);
        await announce(ctx.services, meeting, ctx.now);
      }
    const lines =
      announced.size > 1
        ? [ctx.t("themeDays.branches", { count: announced.size })]
        : meetings.map((m) => `${formatMeetingTime(m.startsAt, ctx.zone, ctx.t)} ${m.code}`);
    return textReply(
      [
        ctx.t("themeDays.done", { count: meetings.length }),
        ...lines,
        ctx.t("themeDays.series", { code: series.code, rule: recurrence.ruleText, time }),
      ].join("\n"),
    );
  },
});

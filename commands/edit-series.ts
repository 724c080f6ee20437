// /edit_series <系列编号> <地点|主题|时间> <新内容>: changes every coming meeting of a recurring
// meeting at once (the time of day keeps each meeting's own date); a single meeting is changed
// with /edit_meeting and keeps its place in the series.
import { DateTime } from "luxon";
import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { codeArg, requirePerson } from "../src/core/command-helpers.js";
import { DomainError } from "../src/core/domain-error.js";
import { textReply } from "../src/core/reply.js";
import { announce } from "../src/meetings/announce.js";
import { understandWhen } from "../src/meetings/time-phrase/understand-when.js";

const FIELDS = {
  地点: "place",
  place: "place",
  主题: "topic",
  topic: "topic",
  时间: "time",
  time: "time",
} as const;

export const editSeries = defineCommand({
  name: "edit_series",
  aliases: ["修改定期会议"],
  role: "group_leader",
  args: z.tuple(
    [codeArg, z.enum(Object.keys(FIELDS) as [keyof typeof FIELDS]), z.string().min(1).max(200)],
    z.string().max(200),
  ),
  async run(ctx) {
    const [code, word, ...rest] = ctx.args;
    const field = FIELDS[word];
    let value = rest.join(" ").trim();
    if (field === "time") {
      // The time of day as secretaries write it (19:30, 下午3点), read on a day of its own.
      const zone = await ctx.services.meetings.zoneOf(ctx.org?.id ?? "");
      const dayStart = DateTime.fromJSDate(ctx.now, { zone }).startOf("day").toJSDate();
      const answer = understandWhen(value, dayStart, zone);
      if (answer.kind !== "instant") throw new DomainError("series.badTime");
      value = DateTime.fromJSDate(answer.start, { zone }).toFormat("HH:mm");
    } else if (field === "place") value = value.slice(0, 60);
    const { changed } = await ctx.services.series.edit(await requirePerson(ctx), code, field, value, ctx.now);
    for (const meeting of changed) await announce(ctx.services, meeting, ctx.now);
    return textReply(ctx.t("series.edited", { code, count: changed.length }));
  },
});

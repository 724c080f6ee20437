// /edit_series <系列编号> <地点|主题|时间> <新内容>: changes every coming meeting of a recurring
// meeting at once (the time of day keeps each meeting's own date); a single meeting is changed
// with /edit_meeting and keeps its place in the series.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { announce } from "../../../src/meetings/announce.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { codeArg } from "../../../src/runtime/command-helpers.js";

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
    if (field === "place") value = value.slice(0, 60);
    const { changed } = await ctx.services.series.edit(ctx.personId, code, field, value, ctx.now);
    for (const meeting of changed) await announce(ctx.services, meeting, ctx.now);
    return textReply(ctx.t("series.edited", { code, count: changed.length }));
  },
});

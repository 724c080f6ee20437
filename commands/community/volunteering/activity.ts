// /activity <日期> <时间> <时长> <地点> <名额> <标题…>: post a volunteer activity (志愿服务) of the
// branch or community this chat belongs to, with a 报名 button.
import { z } from "zod";
import { capacityArg, durationArg, joinText } from "../../../src/community/community-args.js";
import { bold, plain } from "../../../src/core/reply.js";
import { startsAtOrRefuse } from "../../../src/meetings/time-phrase/starts-at.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { formatDateTime, requireOrg } from "../../../src/runtime/command-helpers.js";

export const activity = defineCommand({
  name: "activity",
  aliases: ["志愿活动", "发布活动"],
  role: "secretary",
  args: z.tuple([z.string(), z.string(), durationArg, z.string(), capacityArg, z.string()]).rest(z.string()),
  async run(ctx) {
    const [dayWord, timeWord, minutes, place, capacity, ...title] = ctx.args;
    const org = requireOrg(ctx);
    const startsAt = startsAtOrRefuse(`${dayWord} ${timeWord}`, ctx.now, ctx.zone, (d) =>
      formatDateTime(d, ctx.zone),
    );
    const posted = await ctx.services.volunteers.post(
      ctx.personId,
      org,
      {
        title: joinText(title, 100),
        place: place.slice(0, 60),
        startsAt,
        minutes,
        capacity,
      },
      ctx.now,
    );
    return {
      segments: [
        bold(ctx.t("community.posted", { name: org.name })),
        plain(
          `\n${ctx.t("community.line", {
            at: formatDateTime(posted.startsAt, ctx.zone),
            title: posted.title,
            place: posted.place,
            left: posted.capacity,
            code: posted.code,
          })}`,
        ),
      ],
      buttons: [[{ label: ctx.t("community.signUpButton"), command: "signup", args: [posted.code] }]],
    };
  },
});

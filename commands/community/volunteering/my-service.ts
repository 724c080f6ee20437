// /my_service: my volunteer hours this month, quarter and year, and wishes I fulfilled.
import { z } from "zod";
import { hoursText } from "../../../src/community/community-rules.js";
import { textReply } from "../../../src/core/reply.js";
import { defineCommand } from "../../../src/runtime/command.js";

export const myService = defineCommand({
  name: "my_service",
  aliases: ["我的服务", "服务时长"],
  role: "anyone",
  args: z.tuple([]),
  async run(ctx) {
    const s = await ctx.services.volunteers.myService(ctx.personId, ctx.now, ctx.zone);
    return textReply(
      ctx.t("community.mine", {
        month: hoursText(s.month),
        quarter: hoursText(s.quarter),
        year: hoursText(s.year),
        wishes: s.wishes,
      }),
      { visibility: "private" },
    );
  },
});

// /rank: my points this year and my place in the branch, privately (the group board shows only
// the top).
import { z } from "zod";
import { DomainError } from "../../src/core/domain-error.js";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";

export const rankCommand = defineCommand({
  name: "rank",
  aliases: ["排名", "我的积分", "积分"],
  role: "anyone",
  args: z.tuple([]),
  async run(ctx) {
    const mine = await ctx.services.leaderboard.memberRank(ctx.personId, ctx.now);
    if (!mine) throw new DomainError("members.notAMember");
    return textReply(
      ctx.t("leaderboard.mine", {
        points: mine.score.points,
        rank: mine.rank,
        of: mine.of,
        branch: mine.branch.name,
      }),
      { visibility: "private" },
    );
  },
});

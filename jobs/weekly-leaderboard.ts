// Mondays at 09:00: each branch chat gets its completion and attendance rates and the top of its
// members by points (never the bottom); each committee chat gets the ranking of its branches.
import { DateTime } from "luxon";
import { renderBranchBoard, renderCommitteeBoard } from "../src/leaderboard/leaderboard-text.js";
import { defineJob } from "../src/scheduler/job.js";

export const weeklyLeaderboard = defineJob({
  id: "weekly-leaderboard",
  cron: "0 9 * * 1",
  catchUpMs: 6 * 3_600_000,
  async run({ now, services, t }) {
    const week = DateTime.fromJSDate(now, { zone: "Asia/Shanghai" }).toFormat("kkkk-'W'WW");
    let posts = 0;
    for (const branch of await services.warnings.branches()) {
      if ((await services.chats.boundChats(branch.id)).length === 0) continue;
      const board = await services.leaderboard.branchBoard(branch, now);
      const reply = renderBranchBoard(board, services.leaderboard.top(board), week, t);
      posts += await services.outbox.toOrganization(branch.id, reply, {
        now,
        dedupeKey: `leaderboard:${branch.id}:${week}`,
      });
    }
    for (const committee of await services.orgs.ofKind("committee")) {
      if ((await services.chats.boundChats(committee.id)).length === 0) continue;
      const ranked = await services.leaderboard.committeeBoard(committee, now);
      if (ranked.length === 0) continue;
      posts += await services.outbox.toOrganization(
        committee.id,
        renderCommitteeBoard(committee.name, ranked, week, t),
        {
          now,
          dedupeKey: `leaderboard:${committee.id}:${week}`,
        },
      );
    }
    return { posts };
  },
});

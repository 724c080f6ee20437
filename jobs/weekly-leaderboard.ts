// Mondays at 09:00: each branch chat gets its completion and attendance rates and the top of its
// members by points (never the bottom); each committee chat gets the ranking of its branches.
// Boards are computed a page of branches at a time from database aggregates.

import { leaderboardCard } from "../src/charts/chart-service.js";
import { renderBranchBoard, renderCommitteeBoard } from "../src/leaderboard/leaderboard-text.js";
import { weekKey } from "../src/leaderboard/weeks.js";
import { defineJob } from "../src/scheduler/job.js";

export const weeklyLeaderboard = defineJob({
  id: "weekly-leaderboard",
  cron: "0 9 * * 1",
  catchUpMs: 6 * 3_600_000,
  async prepare({ now, services }) {
    await services.leaderboard.prepareYear(now, await services.leaderboard.index());
  },
  async run({ now, services, t, timeZone }) {
    const week = weekKey(now, timeZone);
    const bound = await services.chats.boundOrganizationIds();
    const index = await services.leaderboard.index();
    let posts = 0;
    let boards = 0;
    for await (const page of services.leaderboard.allBoards(now, index)) {
      boards += page.length;
      for (const board of page) {
        if (!bound.has(board.branch.id)) continue;
        const top = services.leaderboard.top(board);
        // The card is drawn when the message is sent; the text stays for those without images.
        const reply = {
          ...renderBranchBoard(board, top, week, t),
          chart: leaderboardCard(board, top, week, t),
        };
        posts += await services.outbox.toOrganization(board.branch.id, reply, {
          now,
          dedupeKey: `leaderboard:${board.branch.id}:${week}`,
        });
      }
    }
    for (const committee of await services.orgs.ofKind("committee")) {
      if (!bound.has(committee.id)) continue;
      const ranked = await services.leaderboard.committeeBoard(committee, now, index);
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
    return { boards, posts };
  },
});

// How the weekly boards read in the chats.
import { hoursText } from "../community/community-rules.js";
import { percent } from "../core/format.js";
import type { Translate } from "../core/i18n.js";
import { bold, plain, type Reply } from "../core/reply.js";
import type { BranchBoard, MemberScore } from "./leaderboard-service.js";
import type { Ranked } from "./points.js";
import { weekLabel } from "./weeks.js";

export function renderBranchBoard(
  board: BranchBoard,
  top: Ranked<MemberScore>[],
  week: string,
  t: Translate,
): Reply {
  const lines = [
    t("leaderboard.completion", { rate: percent(board.completion) }),
    t("leaderboard.attendance", { rate: percent(board.attendance) }),
  ];
  if (board.serviceMinutes > 0)
    lines.push(t("leaderboard.service", { hours: hoursText(board.serviceMinutes) }));
  if (top.length > 0) {
    lines.push(t("leaderboard.topTitle"));
    for (const { item, rank } of top)
      lines.push(t("leaderboard.topLine", { rank, name: item.name, points: item.points }));
  }
  lines.push(t("leaderboard.ownRank"));
  return {
    segments: [
      bold(t("leaderboard.title", { name: board.branch.name, week: weekLabel(week, t) })),
      plain(`\n${lines.join("\n")}`),
    ],
  };
}

export function renderCommitteeBoard(
  name: string,
  ranked: Ranked<BranchBoard>[],
  week: string,
  t: Translate,
): Reply {
  const lines = ranked.map(({ item, rank }) =>
    t("leaderboard.branchLine", {
      rank,
      name: item.branch.name,
      completion: percent(item.completion),
      attendance: percent(item.attendance),
    }),
  );
  return {
    segments: [
      bold(t("leaderboard.committeeTitle", { name, week: weekLabel(week, t) })),
      plain(`\n${lines.join("\n")}`),
    ],
  };
}

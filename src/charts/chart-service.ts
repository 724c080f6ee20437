// The three charts a person can ask for, with who may see which: a branch's weekly leaderboard
// card (its members), a branch's attendance trend (its committee and above), and a committee's
// overview of its branches (that committee and above). Each comes with its text, for people who
// cannot see images.

import { DateTime } from "luxon";
import type { AccessService } from "../access/access-service.js";
import { type ChartSpec, type LeaderboardCardSpec, MAX_COMPLIANCE_BARS } from "../core/chart-spec.js";
import { DomainError } from "../core/domain-error.js";
import { percent } from "../core/format.js";
import type { Translate } from "../core/i18n.js";
import type { PrivateFiles } from "../core/private-files.js";
import type { Reply } from "../core/reply.js";
import type { BranchBoard, LeaderboardService, MemberScore } from "../leaderboard/leaderboard-service.js";
import { renderBranchBoard, renderCommitteeBoard } from "../leaderboard/leaderboard-text.js";
import type { Ranked } from "../leaderboard/points.js";
import { weekKey, weekLabel } from "../leaderboard/weeks.js";
import type { OrgZones } from "../organization/org-zones.js";
import type { OrgRecord } from "../organization/organization-repository.js";

/** The renderer (Skia, chart.js, fonts) is loaded on first use: most processes never draw. */
export const chartRenderer = () => import("./render-chart.js");

export const TREND_MONTHS = 6;

/** A share as a whole number of percent, for a chart's axis. */
const wholePercent = (x: number | null) => (x === null ? null : Math.round(x * 100));

export interface ChartWithText {
  spec: ChartSpec;
  /** The same facts as text: the caption, and all some people will see. */
  text: Reply;
}

/** The weekly card of one branch: its rates and the top of its members (never the bottom). */
export function leaderboardCard(
  board: BranchBoard,
  top: Ranked<MemberScore>[],
  week: string,
  t: Translate,
): LeaderboardCardSpec {
  return {
    kind: "leaderboard",
    title: t("leaderboard.title", { name: board.branch.name, week: weekLabel(week, t) }),
    subtitle: t("charts.subtitle", {
      completion: percent(board.completion),
      attendance: percent(board.attendance),
    }),
    seriesLabel: t("charts.pointsSeries"),
    entries: top.map(({ item, rank }) => ({ label: `${rank}. ${item.name}`, value: item.points })),
  };
}

export class ChartService {
  constructor(
    private readonly boards: LeaderboardService,
    private readonly access: AccessService,
    private readonly files: PrivateFiles,
    private readonly zones: OrgZones,
  ) {}

  async leaderboardCard(actorId: string, branch: OrgRecord, now: Date, t: Translate): Promise<ChartWithText> {
    if (branch.kind !== "branch") throw new DomainError("meetings.needsBranch");
    await this.access.require(actorId, branch.id, "member");
    const board = await this.boards.branchBoard(branch, now);
    const week = weekKey(now, await this.zones.of(branch.id));
    const top = this.boards.top(board);
    return { spec: leaderboardCard(board, top, week, t), text: renderBranchBoard(board, top, week, t) };
  }

  async attendanceTrend(actorId: string, branch: OrgRecord, now: Date, t: Translate): Promise<ChartWithText> {
    if (branch.kind !== "branch") throw new DomainError("meetings.needsBranch");
    await this.access.require(actorId, branch.id, "committee_member");
    const zone = await this.zones.of(branch.id);
    const thisMonth = DateTime.fromJSDate(now, { zone }).startOf("month");
    const months = Array.from({ length: TREND_MONTHS }, (_, i) =>
      thisMonth.minus({ months: TREND_MONTHS - 1 - i }),
    );
    const rates = await this.boards.monthlyAttendance(
      branch.id,
      months.map((m) => ({ start: m.toJSDate(), end: m.plus({ months: 1 }).toJSDate() })),
    );
    const points = months.map((m, i) => ({
      label: t("periods.month", { year: m.year, index: m.month }),
      percent: wholePercent(rates[i] ?? null),
    }));
    const title = t("charts.trendTitle", { name: branch.name, months: TREND_MONTHS });
    const lines = points.map((p) =>
      t("charts.trendLine", { month: p.label, rate: p.percent === null ? "—" : `${p.percent}%` }),
    );
    return {
      spec: { kind: "trend", title, seriesLabel: t("charts.trendSeries"), points },
      text: { segments: [{ text: title, style: "bold" }, { text: `\n${lines.join("\n")}` }] },
    };
  }

  async complianceOverview(
    actorId: string,
    committee: OrgRecord,
    now: Date,
    t: Translate,
  ): Promise<ChartWithText> {
    if (committee.kind === "branch" || committee.kind === "group")
      throw new DomainError("charts.needsCommittee");
    await this.access.require(actorId, committee.id, "committee_member");
    const ranked = await this.boards.committeeBoard(committee, now);
    if (ranked.length === 0) throw new DomainError("charts.noBranches");
    const week = weekKey(now, await this.zones.of(committee.id));
    // Past the limit, the branches furthest behind: those are the ones a committee acts on.
    const shown = ranked.length > MAX_COMPLIANCE_BARS ? ranked.slice(-MAX_COMPLIANCE_BARS).reverse() : ranked;
    const title = t("charts.complianceTitle", { name: committee.name, week: weekLabel(week, t) });
    const text = renderCommitteeBoard(committee.name, ranked, week, t);
    if (shown.length < ranked.length)
      text.segments.push({
        text: `\n${t("charts.truncated", { total: ranked.length, shown: shown.length })}`,
      });
    return {
      spec: {
        kind: "compliance",
        title,
        completionLabel: t("charts.completionSeries"),
        attendanceLabel: t("charts.attendanceSeries"),
        branches: shown.map(({ item, rank }) => ({
          label: `${rank}. ${item.branch.name}`,
          completionPercent: wholePercent(item.completion) ?? 0,
          attendancePercent: wholePercent(item.attendance),
        })),
      },
      text,
    };
  }

  /** Draws the chart into a PNG file for an adapter to send. */
  async writePng(spec: ChartSpec): Promise<{ path: string; filename: string }> {
    return (await chartRenderer()).writeChartPng(spec, (name) => this.files.place("charts", name));
  }
}

// What a chart shows, as plain data: built by the domain, rendered to PNG by render-chart.ts.
// Kept serialisable so a chart can wait in the outbox and be drawn when it is sent.

export interface LeaderboardCardSpec {
  kind: "leaderboard";
  title: string;
  /** Completion and attendance rates, already worded. */
  subtitle: string;
  seriesLabel: string;
  /** The top of the ranking only (never the bottom of a member ranking). */
  entries: { label: string; value: number }[];
}

export interface AttendanceTrendSpec {
  kind: "trend";
  title: string;
  seriesLabel: string;
  /** One point a month, oldest first; null for a month without closed meetings. */
  points: { label: string; percent: number | null }[];
}

export interface ComplianceOverviewSpec {
  kind: "compliance";
  title: string;
  completionLabel: string;
  attendanceLabel: string;
  branches: { label: string; completionPercent: number; attendancePercent: number | null }[];
}

export type ChartSpec = LeaderboardCardSpec | AttendanceTrendSpec | ComplianceOverviewSpec;

export type ChartKind = ChartSpec["kind"];

/** Committees with more branches get the ones furthest behind, which is what they act on. */
export const MAX_COMPLIANCE_BARS = 60;

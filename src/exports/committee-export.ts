// A committee's 台账 for a period across every branch below it: a summary sheet with each branch's
// compliance (members, meetings held, 三会一课 completion, attendance) and one meeting ledger for
// all branches, filterable by branch. CSV carries the summary.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import type { Translate } from "../core/i18n.js";
import { addSheet, excel } from "./excel.js";

export interface CommitteeBranchSummary {
  name: string;
  code: string;
  members: number;
  meetingsHeld: number;
  /** Share of the required meetings held, 0–1. */
  completion: number;
  /** Present ÷ expected in the period's closed meetings (null: none). */
  attendance: number | null;
  attendanceThisYear: number | null;
  /** 发展党员 in the pipeline now, by stage. */
  development: { applicants: number; activists: number; candidates: number; probationary: number };
}

export interface CommitteeMeetingRow {
  branch: string;
  type: string;
  startsAt: Date;
  place: string;
  topic: string;
  status: string;
  expected: number | null;
  present: number | null;
}

/** A page of branches: their summaries and their meetings. */
export interface CommitteeExportPage {
  branches: CommitteeBranchSummary[];
  meetings: CommitteeMeetingRow[];
}

const SUMMARY_HEADERS = [
  { header: "支部", width: 28 },
  { header: "代码", width: 10 },
  { header: "党员人数", width: 10 },
  { header: "本期召开会议", width: 14 },
  { header: "三会一课完成率", width: 16 },
  { header: "本期出勤率", width: 12 },
  { header: "本年出勤率", width: 12 },
  { header: "入党申请人", width: 10 },
  { header: "入党积极分子", width: 12 },
  { header: "发展对象", width: 10 },
  { header: "预备党员（发展中）", width: 16 },
];

const MEETING_HEADERS = [
  { header: "支部", width: 28 },
  { header: "类型", width: 14 },
  { header: "时间", width: 18 },
  { header: "地点", width: 16 },
  { header: "议题", width: 28 },
  { header: "应到", width: 6 },
  { header: "实到", width: 6 },
  { header: "状态", width: 8 },
];

const rate = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

function summaryRows(branches: CommitteeBranchSummary[]): unknown[][] {
  return branches.map((b) => [
    b.name,
    b.code,
    b.members,
    b.meetingsHeld,
    rate(b.completion),
    rate(b.attendance),
    rate(b.attendanceThisYear),
    b.development.applicants,
    b.development.activists,
    b.development.candidates,
    b.development.probationary,
  ]);
}

/**
 * Streams the workbook to disk a page at a time: a thousand branches' meetings are written as
 * they come and never held as spreadsheet cells all at once (bench/export.ts: peak RSS).
 */
export async function writeCommitteeWorkbook(
  zone: string,
  pages: AsyncIterable<CommitteeExportPage>,
  t: Translate,
  file: string,
): Promise<number> {
  mkdirSync(path.dirname(file), { recursive: true });
  const workbook = new (await excel()).stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  workbook.creator = "党支部助手";
  const summary = addSheet(workbook, "支部汇总", SUMMARY_HEADERS);
  const ledger = addSheet(workbook, "会议台账", MEETING_HEADERS);
  const at = (d: Date) => DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd HH:mm");
  // The summary is small (a row a branch) and comes first in the file: kept until the end.
  const branches: CommitteeBranchSummary[] = [];
  for await (const page of pages) {
    branches.push(...page.branches);
    for (const m of page.meetings)
      ledger
        .addRow([
          m.branch,
          t(`meetingTypes.${m.type}`),
          at(m.startsAt),
          m.place,
          m.topic,
          m.expected,
          m.present,
          t(`exports.status.${m.status}`),
        ])
        .commit();
  }
  for (const row of summaryRows(branches)) summary.addRow(row).commit();
  summary.commit();
  ledger.commit();
  await workbook.commit();
  return branches.length;
}

export async function writeCommitteeCsv(
  pages: AsyncIterable<CommitteeExportPage>,
  file: string,
): Promise<number> {
  const branches: CommitteeBranchSummary[] = [];
  for await (const page of pages) branches.push(...page.branches);
  const workbook = new (await excel()).Workbook();
  const ws = addSheet(workbook, "支部汇总", SUMMARY_HEADERS);
  for (const row of summaryRows(branches)) ws.addRow(row);
  mkdirSync(path.dirname(file), { recursive: true });
  await workbook.csv.writeFile(file, { sheetName: "支部汇总", formatterOptions: { writeBOM: true } });
  return branches.length;
}

// A committee's 台账 for a period across every branch below it: a summary sheet with each branch's
// compliance (members, meetings held, 三会一课 completion, attendance) and one meeting ledger for
// all branches, filterable by branch. CSV carries the summary.
import { mkdirSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { DateTime } from "luxon";
import type { Translate } from "../core/i18n.js";

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

export interface CommitteeExportData {
  committeeName: string;
  periodLabel: string;
  zone: string;
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

function summaryRows(data: CommitteeExportData): unknown[][] {
  return data.branches.map((b) => [
    b.name,
    b.code,
    b.members,
    b.meetingsHeld,
    rate(b.completion),
    rate(b.attendance),
    rate(b.attendanceThisYear),
  ]);
}

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: { header: string; width: number }[],
  rows: unknown[][],
) {
  const ws = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns;
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  for (const row of rows) ws.addRow(row);
  return ws;
}

export async function writeCommitteeWorkbook(
  data: CommitteeExportData,
  t: Translate,
  file: string,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "党支部助手";
  addSheet(workbook, "支部汇总", SUMMARY_HEADERS, summaryRows(data));
  const at = (d: Date) => DateTime.fromJSDate(d, { zone: data.zone }).toFormat("yyyy-MM-dd HH:mm");
  addSheet(
    workbook,
    "会议台账",
    MEETING_HEADERS,
    data.meetings.map((m) => [
      m.branch,
      t(`meetingTypes.${m.type}`),
      at(m.startsAt),
      m.place,
      m.topic,
      m.expected,
      m.present,
      t(`exports.status.${m.status}`),
    ]),
  );
  mkdirSync(path.dirname(file), { recursive: true });
  await workbook.xlsx.writeFile(file);
}

export async function writeCommitteeCsv(data: CommitteeExportData, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  addSheet(workbook, "支部汇总", SUMMARY_HEADERS, summaryRows(data));
  mkdirSync(path.dirname(file), { recursive: true });
  await workbook.csv.writeFile(file, { sheetName: "支部汇总", formatterOptions: { writeBOM: true } });
}

// The branch's 台账 for a period as a real .xlsx (or the meeting ledger as CSV): the ledger of the
// meetings held (attendance, the quorum verdict, host and recorder), the meetings planned or
// cancelled on their own sheet, the attendance matrix (✓ 迟到 请假 因公 病假 无故), leave requests
// (rejected ones too), points and absence warnings, with Chinese headers,
// frozen header rows, sensible widths, times in the organisation's zone and phones masked.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type ExcelJS from "exceljs";
import { DateTime } from "luxon";
import type { Translate } from "../core/i18n.js";
import type { Ledger } from "../meetings/ledger.js";
import type { MeetingRecord } from "../meetings/meeting-repository.js";
import { maskPhone } from "../membership/phone.js";
import { excel } from "./excel.js";

export interface LedgerExportData {
  branchName: string;
  periodLabel: string;
  zone: string;
  /** Held (closed) meetings only: the ledger an inspector signs. */
  meetings: {
    meeting: MeetingRecord;
    ledger: Ledger;
    host: string;
    recorder: string;
    /** Members whose leave for this meeting was rejected, by member id: the reason they gave. */
    rejectedLeave: Map<string, string>;
  }[];
  /** Meetings of the period not (yet) held: scheduled or cancelled. */
  planned: MeetingRecord[];
  members: {
    id: string;
    name: string;
    status: string;
    joinedPartyOn: string | null;
    phone: string | null;
    group: string;
  }[];
  leaves: { meeting: string; name: string; reason: string; status: string; at: Date }[];
  points: { name: string; points: number; rank: number }[];
  warnings: { name: string; reason: "attendance" | "dues"; level: string; months: number }[];
  dues: { name: string; amountFen: number; paidThisYear: number; arrears: string[] }[];
}

/** The attendance code of a ledger line: 出席, 迟到, 请假, and absence by its reason. */
export function attendanceCode(line: { outcome: string; reason: string | null }): string {
  if (line.outcome === "present") return "✓";
  if (line.outcome === "late") return "迟到";
  if (line.outcome === "leave") return "请假";
  const byReason: Record<string, string> = {
    official: "因公",
    sick: "病假",
    unexcused: "无故",
    other: "其他",
  };
  return (line.reason && byReason[line.reason]) || "缺席";
}

type SheetWriter = { addWorksheet: ExcelJS.Workbook["addWorksheet"] };

/** One sheet with a bold, frozen header row, its rows written and committed as they are added. */
function sheet(
  workbook: SheetWriter,
  name: string,
  columns: { header: string; width: number }[],
  rows: unknown[][],
) {
  const ws = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow(row).commit();
  // A streamed sheet is finished by its commit; an in-memory one (the CSV) has none.
  (ws as { commit?: () => void }).commit?.();
  return ws;
}

export function ledgerRows(data: LedgerExportData, t: Translate): unknown[][] {
  const at = (d: Date) => DateTime.fromJSDate(d, { zone: data.zone }).toFormat("yyyy-MM-dd HH:mm");
  // A year's ledger names a reason thousands of times: each is translated once.
  const reasons = new Map<string, string>();
  const reasonOf = (reason: string | null) => {
    const key = reason ? `absenceReasons.${reason}` : "ledger.noReason";
    let text = reasons.get(key);
    if (text === undefined) {
      text = t(key);
      reasons.set(key, text);
    }
    return text;
  };
  return data.meetings.map(({ meeting, ledger, host, recorder, rejectedLeave }) => {
    const { quorum } = ledger;
    const onLeave = ledger.lines.filter((l) => l.outcome === "leave");
    const absent = ledger.lines.filter((l) => l.outcome === "absent");
    return [
      t(`meetingTypes.${meeting.type}`),
      at(meeting.startsAt),
      meeting.place,
      host,
      recorder,
      meeting.topic,
      ledger.expected,
      ledger.present,
      quorum.applies ? quorum.base : "",
      quorum.applies ? quorum.present : "",
      quorum.applies ? (quorum.met ? "是" : "否（决议无效）") : "不适用",
      onLeave.map((l) => l.name).join("、"),
      absent
        .map((l) => {
          const reason = reasonOf(l.reason);
          const note = l.note ? `：${l.note}` : "";
          const rejected = rejectedLeave.has(l.memberId)
            ? `；请假未获批准（${rejectedLeave.get(l.memberId)}）`
            : "";
          return `${l.name}（${reason}${note}${rejected}）`;
        })
        .join("、"),
      meeting.content ?? "",
      meeting.resolutions ?? "",
    ];
  });
}

export const LEDGER_HEADERS = [
  "类型",
  "时间",
  "地点",
  "主持人",
  "记录人",
  "议题",
  "应到",
  "实到",
  "法定人数基数",
  "其中到会",
  "达到法定人数",
  "请假人员",
  "缺席人员及原因",
  "会议内容",
  "决议",
];
const LEDGER_WIDTHS = [14, 18, 16, 10, 10, 24, 6, 6, 12, 10, 14, 20, 40, 48, 32];

/**
 * Streams the workbook to disk (exceljs' streaming writer compresses with the native zlib, many
 * times faster than the in-memory writer's JavaScript deflate).
 */
export async function writeLedgerWorkbook(data: LedgerExportData, t: Translate, file: string): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const workbook = new (await excel()).stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  workbook.creator = "党支部助手";
  sheet(
    workbook,
    "会议台账",
    LEDGER_HEADERS.map((header, i) => ({ header, width: LEDGER_WIDTHS[i] ?? 12 })),
    ledgerRows(data, t),
  );
  sheet(
    workbook,
    "会议安排",
    [
      { header: "类型", width: 14 },
      { header: "时间", width: 18 },
      { header: "地点", width: 16 },
      { header: "议题", width: 24 },
      { header: "状态", width: 10 },
      { header: "取消原因", width: 30 },
    ],
    data.planned.map((m) => [
      t(`meetingTypes.${m.type}`),
      DateTime.fromJSDate(m.startsAt, { zone: data.zone }).toFormat("yyyy-MM-dd HH:mm"),
      m.place,
      m.topic,
      t(`exports.status.${m.status}`),
      m.cancelReason ?? "",
    ]),
  );
  const closed = data.meetings;
  // Each meeting's lines by member, so the matrix is members × meetings look-ups, not scans.
  const linesOf = closed.map((m) => new Map(m.ledger.lines.map((l) => [l.memberId, l])));
  sheet(
    workbook,
    "出勤矩阵",
    [
      { header: "姓名", width: 10 },
      ...closed.map((m) => ({
        header: `${DateTime.fromJSDate(m.meeting.startsAt, { zone: data.zone }).toFormat("MM-dd")} ${t(`meetingTypes.${m.meeting.type}`)}`,
        width: 14,
      })),
    ],
    data.members.map((member) => [
      member.name,
      ...linesOf.map((lines) => {
        const line = lines.get(member.id);
        return line ? attendanceCode(line) : "—";
      }),
    ]),
  );
  sheet(
    workbook,
    "请假记录",
    [
      { header: "会议", width: 24 },
      { header: "姓名", width: 10 },
      { header: "理由", width: 30 },
      { header: "结果", width: 10 },
      { header: "申请时间", width: 18 },
    ],
    data.leaves.map((l) => [
      l.meeting,
      l.name,
      l.reason,
      t(`leaveStatus.${l.status}`),
      DateTime.fromJSDate(l.at, { zone: data.zone }).toFormat("yyyy-MM-dd HH:mm"),
    ]),
  );
  sheet(
    workbook,
    "积分",
    [
      { header: "名次", width: 6 },
      { header: "姓名", width: 10 },
      { header: "积分", width: 8 },
    ],
    data.points.map((p) => [p.rank, p.name, p.points]),
  );
  sheet(
    workbook,
    "预警",
    [
      { header: "姓名", width: 10 },
      { header: "原因", width: 12 },
      { header: "等级", width: 12 },
      { header: "连续月数", width: 10 },
    ],
    data.warnings.map((w) => [
      w.name,
      w.reason === "dues" ? "未交党费" : "未参加组织生活",
      t(`warnings.levels.${w.level}`),
      w.months,
    ]),
  );
  sheet(
    workbook,
    "党费",
    [
      { header: "姓名", width: 10 },
      { header: "每月（元）", width: 10 },
      { header: "本年已交（月）", width: 14 },
      { header: "欠交（月）", width: 10 },
      { header: "欠交月份", width: 40 },
    ],
    data.dues.map((d) => [d.name, d.amountFen / 100, d.paidThisYear, d.arrears.length, d.arrears.join("、")]),
  );
  sheet(
    workbook,
    "党员名册",
    [
      { header: "姓名", width: 10 },
      { header: "类别", width: 10 },
      { header: "入党时间", width: 12 },
      { header: "党小组", width: 12 },
      { header: "手机号", width: 14 },
    ],
    data.members.map((m) => [
      m.name,
      t(`memberStatus.${m.status}`),
      m.joinedPartyOn ?? "",
      m.group,
      maskPhone(m.phone),
    ]),
  );
  await workbook.commit();
}

export async function writeLedgerCsv(data: LedgerExportData, t: Translate, file: string): Promise<void> {
  const workbook = new (await excel()).Workbook();
  sheet(
    workbook,
    "会议台账",
    LEDGER_HEADERS.map((header) => ({ header, width: 12 })),
    ledgerRows(data, t),
  );
  mkdirSync(path.dirname(file), { recursive: true });
  await workbook.csv.writeFile(file, { sheetName: "会议台账", formatterOptions: { writeBOM: true } });
}

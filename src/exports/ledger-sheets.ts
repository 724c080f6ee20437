// The sheets of the branch's 台账 as data: each names its columns (header, width) and draws its rows.
import { DateTime } from "luxon";
import type { Translate } from "../core/i18n.js";
import type { Ledger } from "../meetings/ledger.js";
import type { MeetingRecord } from "../meetings/meeting-repository.js";
import { maskPhone } from "../membership/phone.js";

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

type Column = readonly [header: string, width: number];

export interface LedgerSheet {
  name: string;
  columns(data: LedgerExportData, t: Translate): Column[];
  rows(data: LedgerExportData, t: Translate): unknown[][];
}

const fixed =
  (...columns: Column[]) =>
  () =>
    columns;
const minute = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd HH:mm");

export const LEDGER_SHEETS: LedgerSheet[] = [
  {
    name: "会议台账",
    columns: () => LEDGER_HEADERS.map((header, i) => [header, LEDGER_WIDTHS[i] ?? 12] as const),
    rows: ledgerRows,
  },
  {
    name: "会议安排",
    columns: fixed(["类型", 14], ["时间", 18], ["地点", 16], ["议题", 24], ["状态", 10], ["取消原因", 30]),
    rows: (data, t) =>
      data.planned.map((m) => [
        t(`meetingTypes.${m.type}`),
        minute(m.startsAt, data.zone),
        m.place,
        m.topic,
        t(`exports.status.${m.status}`),
        m.cancelReason ?? "",
      ]),
  },
  {
    name: "出勤矩阵",
    columns: (data, t) => [
      ["姓名", 10],
      ...data.meetings.map(
        (m) =>
          [
            `${DateTime.fromJSDate(m.meeting.startsAt, { zone: data.zone }).toFormat("MM-dd")} ${t(`meetingTypes.${m.meeting.type}`)}`,
            14,
          ] as const,
      ),
    ],
    rows: (data) => {
      // Each meeting's lines by member, so the matrix is members × meetings look-ups, not scans.
      const linesOf = data.meetings.map((m) => new Map(m.ledger.lines.map((l) => [l.memberId, l])));
      return data.members.map((member) => [
        member.name,
        ...linesOf.map((lines) => {
          const line = lines.get(member.id);
          return line ? attendanceCode(line) : "—";
        }),
      ]);
    },
  },
  {
    name: "请假记录",
    columns: fixed(["会议", 24], ["姓名", 10], ["理由", 30], ["结果", 10], ["申请时间", 18]),
    rows: (data, t) =>
      data.leaves.map((l) => [
        l.meeting,
        l.name,
        l.reason,
        t(`leaveStatus.${l.status}`),
        minute(l.at, data.zone),
      ]),
  },
  {
    name: "积分",
    columns: fixed(["名次", 6], ["姓名", 10], ["积分", 8]),
    rows: (data) => data.points.map((p) => [p.rank, p.name, p.points]),
  },
  {
    name: "预警",
    columns: fixed(["姓名", 10], ["原因", 12], ["等级", 12], ["连续月数", 10]),
    rows: (data, t) =>
      data.warnings.map((w) => [
        w.name,
        w.reason === "dues" ? "未交党费" : "未参加组织生活",
        t(`warnings.levels.${w.level}`),
        w.months,
      ]),
  },
  {
    name: "党费",
    columns: fixed(
      ["姓名", 10],
      ["每月（元）", 10],
      ["本年已交（月）", 14],
      ["欠交（月）", 10],
      ["欠交月份", 40],
    ),
    rows: (data) =>
      data.dues.map((d) => [
        d.name,
        d.amountFen / 100,
        d.paidThisYear,
        d.arrears.length,
        d.arrears.join("、"),
      ]),
  },
  {
    name: "党员名册",
    columns: fixed(["姓名", 10], ["类别", 10], ["入党时间", 12], ["党小组", 12], ["手机号", 14]),
    rows: (data, t) =>
      data.members.map((m) => [
        m.name,
        t(`memberStatus.${m.status}`),
        m.joinedPartyOn ?? "",
        m.group,
        maskPhone(m.phone),
      ]),
  },
];

// The meeting announcement posted in the branch's chat: details, counts that update in place,
// and the buttons 参加 / 请假 / 签到 (the last only while check-in is open).
import { DateTime } from "luxon";
import type { Translate } from "../core/i18n.js";
import { type Button, bold, plain, type Reply, type Segment } from "../core/reply.js";
import { checkInTiming } from "./check-in-rules.js";
import type { MeetingRecord } from "./meeting-repository.js";

export interface AnnouncementData {
  meeting: MeetingRecord;
  org: { name: string } | null;
  group: { name: string } | null;
  host: { name: string } | null;
  recorder: { name: string } | null;
  /** 应到: how many are expected. */
  expected: number;
  counts: { attending: number; leave: number; checkedIn: number };
  zone: string;
  birthdays: string[];
}

export const announcementKey = (meetingId: string): string => `meeting:${meetingId}`;

export function formatMeetingTime(startsAt: Date, zone: string, t: Translate): string {
  const local = DateTime.fromJSDate(startsAt, { zone });
  return `${local.toFormat("yyyy-MM-dd HH:mm")}${t("punctuation.paren", { text: t(`weekdays.${local.weekday}`) })}`;
}

export function renderAnnouncement(d: AnnouncementData, t: Translate, now: Date): Reply {
  const { meeting } = d;
  const segments: Segment[] = [];
  const status =
    meeting.status === "cancelled"
      ? t("announcement.cancelledTag")
      : meeting.status === "closed"
        ? t("announcement.closedTag")
        : "";
  segments.push(
    bold(
      `${status}${t("punctuation.typed", { type: t(`meetingTypes.${meeting.type}`), topic: meeting.topic })}`,
    ),
  );
  const lines = [
    t("announcement.org", { name: d.group ? `${d.org?.name ?? ""} · ${d.group.name}` : (d.org?.name ?? "") }),
    t("announcement.time", { time: formatMeetingTime(meeting.startsAt, d.zone, t) }),
    t("announcement.place", {
      place: meeting.online
        ? `${meeting.place}${t("punctuation.paren", { text: t("announcement.online") })}`
        : meeting.place,
    }),
  ];
  if (d.host || d.recorder) {
    lines.push(t("announcement.people", { host: d.host?.name ?? "—", recorder: d.recorder?.name ?? "—" }));
  }
  lines.push(
    t("announcement.counts", {
      expected: d.expected,
      attending: d.counts.attending,
      leave: d.counts.leave,
      checkedIn: d.counts.checkedIn,
    }),
  );
  if (meeting.type === "theme_day") {
    const checklist = JSON.parse(meeting.checklist) as string[];
    const done = new Set(JSON.parse(meeting.checklistDone) as string[]);
    lines.push(t("announcement.agenda"));
    checklist.forEach((item, i) => {
      lines.push(`  ${i + 1}. ${item}${done.has(item) ? " ✓" : ""}`);
    });
    if (d.birthdays.length > 0) lines.push(t("announcement.birthdays", { names: d.birthdays.join("、") }));
  }
  if (meeting.status === "scheduled" && meeting.checkInCode) lines.push(t("announcement.codeRequired"));
  if (meeting.status === "cancelled" && meeting.cancelReason)
    lines.push(t("announcement.cancelReason", { reason: meeting.cancelReason }));
  lines.push(t("announcement.code", { code: meeting.code }));
  segments.push(plain(`\n${lines.join("\n")}`));

  const buttons: Button[][] = [];
  if (meeting.status === "scheduled") {
    const row: Button[] = [];
    if (now < meeting.startsAt) {
      row.push({ label: t("announcement.attend"), command: "attend", args: [meeting.code] });
      row.push({ label: t("announcement.leave"), command: "leave", args: [meeting.code] });
    }
    const timing = checkInTiming(meeting, now);
    if (timing === "on_time" || timing === "late")
      row.push({ label: t("announcement.checkIn"), command: "checkin", args: [meeting.code] });
    if (row.length > 0) buttons.push(row);
  }
  return { segments, ...(buttons.length > 0 ? { buttons } : {}) };
}

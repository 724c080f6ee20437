// The reminder posted before a meeting, with the 参加 and 请假 buttons.
import { DateTime } from "luxon";
import type { Translate } from "../core/i18n.js";
import { bold, plain, type Reply } from "../core/reply.js";
import type { MeetingRecord } from "./meeting-repository.js";

/** Reminder offsets before the start, in minutes, nearest first (the job's, and calendar alarms'). */
export const REMINDER_OFFSETS = [60, 24 * 60];

export function renderReminder(
  meeting: MeetingRecord,
  zone: string,
  t: Translate,
  leadMinutes: number,
): Reply {
  const local = DateTime.fromJSDate(meeting.startsAt, { zone });
  // Whole hours as hours; past two hours in whole hours (never more than is left); else minutes.
  const lead =
    leadMinutes >= 60 && (leadMinutes % 60 === 0 || leadMinutes >= 120)
      ? t("reminders.hours", { count: Math.floor(leadMinutes / 60) })
      : t("reminders.minutes", { count: leadMinutes });
  return {
    segments: [
      bold(t("reminders.title", { lead })),
      plain(
        `\n${t("reminders.body", {
          time: local.toFormat("MM-dd HH:mm"),
          type: t(`meetingTypes.${meeting.type}`),
          topic: meeting.topic,
          place: meeting.place,
          code: meeting.code,
        })}`,
      ),
    ],
    buttons: [
      [
        { label: t("announcement.attend"), command: "attend", args: [meeting.code] },
        { label: t("announcement.leave"), command: "leave", args: [meeting.code] },
      ],
    ],
  };
}

export function renderCheckInOpen(meeting: MeetingRecord, t: Translate): Reply {
  return {
    segments: [plain(t("reminders.checkInOpen", { topic: meeting.topic, code: meeting.code }))],
    buttons: [[{ label: t("announcement.checkIn"), command: "checkin", args: [meeting.code] }]],
  };
}

// Every five minutes: reminders to the chat before each meeting (default 24 h and 1 h before) and
// the notice that check-in has opened (which also refreshes the announcement to show 签到).
// Each message has a dedupe key, so a slot run twice, or a late catch-up run, never doubles one.

import { DateTime } from "luxon";
import { announce } from "../src/meetings/announce.js";
import { renderCheckInOpen, renderReminder } from "../src/meetings/reminder.js";
import { defineJob } from "../src/scheduler/job.js";
import type { Services } from "../src/services.js";

/** Reminder offsets before the start, in minutes. */
export const REMINDER_OFFSETS = [24 * 60, 60];
/** A reminder whose moment passed longer ago than this is no longer sent. */
const WINDOW_MINUTES = 30;

export const meetingReminders = defineJob({
  id: "meeting-reminders",
  cron: "*/5 * * * *",
  catchUpMs: WINDOW_MINUTES * 60_000,
  async run({ now, services, t }) {
    let reminders = 0;
    let openings = 0;
    const windowMs = WINDOW_MINUTES * 60_000;
    for (const offset of REMINDER_OFFSETS) {
      // Meetings whose reminder moment (start − offset) fell in the last window.
      const from = new Date(now.getTime() + offset * 60_000 - windowMs);
      const to = new Date(now.getTime() + offset * 60_000);
      for (const meeting of await services.meetings.startingIn(from, to)) {
        if (await paused(services, meeting.organizationId, now)) continue;
        const zone = await services.meetings.zoneOf(meeting.organizationId);
        const target = meeting.groupId ?? meeting.organizationId;
        reminders += await services.outbox.toOrganization(target, renderReminder(meeting, zone, t, offset), {
          now,
          dedupeKey: `reminder:${meeting.id}:${offset}`,
        });
      }
    }
    // Check-in opens checkInOpensMinutes before the start; look far enough ahead for any window.
    for (const meeting of await services.meetings.startingIn(
      new Date(now.getTime() - windowMs),
      new Date(now.getTime() + 24 * 3_600_000),
    )) {
      const opensAt = meeting.startsAt.getTime() - meeting.checkInOpensMinutes * 60_000;
      if (opensAt > now.getTime() || opensAt <= now.getTime() - windowMs) continue;
      if (await paused(services, meeting.organizationId, now)) continue;
      const target = meeting.groupId ?? meeting.organizationId;
      const sent = await services.outbox.toOrganization(target, renderCheckInOpen(meeting, t), {
        now,
        dedupeKey: `checkin-open:${meeting.id}`,
      });
      if (sent > 0) await announce(services, meeting, now);
      openings += sent;
    }
    return { reminders, openings };
  },
});

/** A branch paused with /pause_reminders gets none until the day after the date it set. */
async function paused(services: Services, organizationId: string, now: Date): Promise<boolean> {
  const until = (await services.orgs.settings(organizationId))["reminders.pausedUntil"].value as string;
  if (until === "none") return false;
  const zone = await services.orgs.timeZone(organizationId);
  return (DateTime.fromJSDate(now, { zone }).toISODate() ?? "") <= until;
}

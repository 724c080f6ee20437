// Every five minutes: reminders to the chat before each meeting (default 24 h and 1 h before) and
// the notice that check-in has opened (which also refreshes the announcement to show 签到).
// Each message has a dedupe key, so a slot run twice, or a late catch-up run, never doubles one.
// A run covers everything that came due since the job's previous completed run, so after downtime
// each reminder is judged on its own: sent, worded for the time really left, while its meeting is
// still ahead; else recorded as not sent, with the reason (see /outbox).

import { DateTime } from "luxon";
import { announce } from "../src/meetings/announce.js";
import { REMINDER_OFFSETS, renderCheckInOpen, renderReminder } from "../src/meetings/reminder.js";
import { defineJob } from "../src/scheduler/job.js";
import type { Services } from "../src/services.js";

/** However long the last run was ago, a run looks back at least this far (overlapping runs). */
const WINDOW_MINUTES = 30;
/** And at most this far: the longest offset and then some. */
const MAX_LOOKBACK_MS = 26 * 3_600_000;
const MINUTE = 60_000;

export const meetingReminders = defineJob({
  id: "meeting-reminders",
  cron: "*/5 * * * *",
  catchUpMs: WINDOW_MINUTES * MINUTE,
  async run({ now, since, services, t }) {
    let reminders = 0;
    let openings = 0;
    let skipped = 0;
    const from = Math.max(
      Math.min(since.getTime(), now.getTime() - WINDOW_MINUTES * MINUTE),
      now.getTime() - MAX_LOOKBACK_MS,
    );
    // A meeting gets only its nearest due reminder: after downtime the 24-hour one is not sent
    // as well as the 1-hour one.
    const reminded = new Set<string>();
    for (const offset of REMINDER_OFFSETS) {
      // Meetings whose reminder moment (start − offset) fell since the last run.
      for (const meeting of await services.meetings.views.startingIn(
        new Date(from + offset * MINUTE),
        new Date(now.getTime() + offset * MINUTE),
      )) {
        if (await paused(services, meeting.organizationId, now)) continue;
        const zone = await services.zones.of(meeting.organizationId);
        const target = meeting.groupId ?? meeting.organizationId;
        const dedupeKey = `reminder:${meeting.id}:${offset}`;
        const left = Math.floor((meeting.startsAt.getTime() - now.getTime()) / MINUTE);
        // On time (within a run's step), it says the offset; late, the time really left.
        const lead =
          meeting.startsAt.getTime() - offset * MINUTE > now.getTime() - 5 * MINUTE ? offset : left;
        const reply = renderReminder(meeting, zone, t, Math.max(lead, 1));
        const why = left <= 0 ? "too-late" : reminded.has(meeting.id) ? "superseded" : undefined;
        reminded.add(meeting.id);
        if (why) {
          skipped += await services.outbox.toOrganization(target, reply, { now, dedupeKey, skipped: why });
          continue;
        }
        reminders += await services.outbox.toOrganization(target, reply, { now, dedupeKey });
      }
    }
    // Check-in opens checkInOpensMinutes before the start; look far enough ahead for any window.
    for (const meeting of await services.meetings.views.startingIn(
      new Date(from - 24 * 3_600_000),
      new Date(now.getTime() + 24 * 3_600_000),
    )) {
      const opensAt = meeting.startsAt.getTime() - meeting.checkInOpensMinutes * MINUTE;
      if (opensAt > now.getTime() || opensAt <= from) continue;
      if (await paused(services, meeting.organizationId, now)) continue;
      const target = meeting.groupId ?? meeting.organizationId;
      const dedupeKey = `checkin-open:${meeting.id}`;
      const reply = renderCheckInOpen(meeting, t);
      // Check-in closed while the bot was down: the notice would only mislead.
      if (meeting.startsAt.getTime() + meeting.checkInClosesMinutes * MINUTE <= now.getTime()) {
        skipped += await services.outbox.toOrganization(target, reply, {
          now,
          dedupeKey,
          skipped: "too-late",
        });
        continue;
      }
      const sent = await services.outbox.toOrganization(target, reply, { now, dedupeKey });
      if (sent > 0) await announce(services, meeting, now);
      openings += sent;
    }
    return { reminders, openings, skipped };
  },
});

/** A branch paused with /pause_reminders gets none until the day after the date it set. */
async function paused(services: Services, organizationId: string, now: Date): Promise<boolean> {
  const until = (await services.orgs.settings(organizationId))["reminders.pausedUntil"].value as string;
  if (until === "none") return false;
  const zone = await services.zones.of(organizationId);
  return (DateTime.fromJSDate(now, { zone }).toISODate() ?? "") <= until;
}

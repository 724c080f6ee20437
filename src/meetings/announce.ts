// Asks for a meeting's announcement to be posted (or updated in place) in the chats bound to its
// party group or branch. Only a marker is written here, in the command's transaction; the
// announcement is rendered when delivered, so it always shows the latest counts, and a burst of
// check-ins becomes one edit.

import { CALENDAR_FILE_KIND } from "../calendar/calendar-file-kind.js";
import type { OutboxKind } from "../delivery/outbox-kinds.js";
import type { OutboxService } from "../delivery/outbox-service.js";
import { announcementKey, renderAnnouncement } from "./announcement.js";
import type { Meetings } from "./meetings.js";

/** What announcing needs: the outbox to queue the post in. */
type Announcing = { outbox: OutboxService };

export const ANNOUNCEMENT_KIND = "announcement";

/** The meeting as the command already holds it: where it goes never changes once scheduled. */
export interface AnnouncedMeeting {
  id: string;
  organizationId: string;
  groupId: string | null;
}

export async function announce(services: Announcing, meeting: AnnouncedMeeting, now: Date): Promise<number> {
  const meetingId = meeting.id;
  const key = announcementKey(meetingId);
  // A group meeting goes to the group's own chat when it has one, else to the branch's.
  if (meeting.groupId) {
    const sent = await services.outbox.refresh(meeting.groupId, ANNOUNCEMENT_KIND, key, { meetingId }, now);
    if (sent > 0) return sent;
  }
  return services.outbox.refresh(meeting.organizationId, ANNOUNCEMENT_KIND, key, { meetingId }, now);
}

/**
 * Posts the meeting as an .ics file after its announcement, for one-tap "add to calendar" (the
 * file is written when sent, so it carries the meeting as it then stands). Again after an edit:
 * the same UID with a higher SEQUENCE moves the event already added.
 */
export async function postCalendarFile(
  services: Announcing,
  meeting: AnnouncedMeeting,
  now: Date,
): Promise<number> {
  const payload = { meetingId: meeting.id };
  if (meeting.groupId) {
    const sent = await services.outbox.renderedToOrganization(
      meeting.groupId,
      CALENDAR_FILE_KIND,
      payload,
      now,
    );
    if (sent > 0) return sent;
  }
  return services.outbox.renderedToOrganization(meeting.organizationId, CALENDAR_FILE_KIND, payload, now);
}

/**
 * The same after a check-in, the burst case: a branch meeting's marker is touched without being
 * locked (see OutboxService.touch). A group meeting, whose chat may be the group's or the
 * branch's, takes the ordinary path.
 */
export async function announceCheckIn(
  services: Announcing,
  meeting: AnnouncedMeeting,
  now: Date,
): Promise<void> {
  if (meeting.groupId) {
    await announce(services, meeting, now);
    return;
  }
  const payload = { meetingId: meeting.id };
  await services.outbox.touch(
    meeting.organizationId,
    ANNOUNCEMENT_KIND,
    announcementKey(meeting.id),
    payload,
    now,
  );
}

/** The announcement as it stands now (counts, buttons), drawn when it is sent. */
export const announcementKind: OutboxKind<{ meetings: Meetings }> = {
  kind: ANNOUNCEMENT_KIND,
  async draw(payload, { read, t, now }) {
    const { meetingId } = JSON.parse(payload) as { meetingId: string };
    return renderAnnouncement(await read((s) => s.meetings.records.announcement(meetingId)), t, now);
  },
};

// Asks for a meeting's announcement to be posted (or updated in place) in the chats bound to its
// party group or branch. Only a marker is written here, in the command's transaction; the
// announcement is rendered when delivered, so it always shows the latest counts, and a burst of
// check-ins becomes one edit.

import type { Translate } from "../core/i18n.js";
import type { Reply } from "../core/reply.js";
import type { Services } from "../services.js";
import { announcementKey, renderAnnouncement } from "./announcement.js";

export const ANNOUNCEMENT_KIND = "announcement";

/** The meeting as the command already holds it: where it goes never changes once scheduled. */
export interface AnnouncedMeeting {
  id: string;
  organizationId: string;
  groupId: string | null;
}

export async function announce(services: Services, meeting: AnnouncedMeeting, now: Date): Promise<number> {
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
 * The same after a check-in, the burst case: a branch meeting's marker is touched without being
 * locked (see OutboxService.touch). A group meeting, whose chat may be the group's or the
 * branch's, takes the ordinary path.
 */
export async function announceCheckIn(
  services: Services,
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

/** The announcement as it stands now, for the delivery worker. */
export async function renderMeetingAnnouncement(
  services: Services,
  meetingId: string,
  t: Translate,
  now: Date,
): Promise<Reply> {
  return renderAnnouncement(await services.meetings.announcement(meetingId), t, now);
}

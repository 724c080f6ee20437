// Posts (or updates in place) a meeting's announcement in the chats bound to its party group or
// branch, through the outbox, in the same transaction as the change it shows.
import type { Translate } from "../core/i18n.js";
import type { Services } from "../services.js";
import { announcementKey, renderAnnouncement } from "./announcement.js";

export async function announce(
  services: Services,
  meetingId: string,
  t: Translate,
  now: Date,
): Promise<number> {
  const data = await services.meetings.announcement(meetingId);
  const reply = renderAnnouncement(data, t, now);
  const opts = { now, replaceKey: announcementKey(meetingId), version: data.version };
  // A group meeting goes to the group's own chat when it has one, else to the branch's.
  if (data.meeting.groupId) {
    const sent = await services.outbox.toOrganization(data.meeting.groupId, reply, opts);
    if (sent > 0) return sent;
  }
  return services.outbox.toOrganization(data.meeting.organizationId, reply, opts);
}

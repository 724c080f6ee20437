// A meeting's .ics file, posted after its announcement: written when it is sent, so it carries
// the meeting as it then stands, with a line saying what it is. A convenience, not a record.
import { writeFile } from "node:fs/promises";
import type { OutboxKind } from "../delivery/outbox-kinds.js";
import type { OrgZones } from "../organization/org-zones.js";
import type { CalendarService } from "./calendar-service.js";

export const CALENDAR_FILE_KIND = "calendar-file";

export const calendarFileKind: OutboxKind<{
  calendar: CalendarService;
  zones: Pick<OrgZones, "of">;
}> = {
  kind: CALENDAR_FILE_KIND,
  bestEffort: true,
  async draw(payload, { read, t, now, files }) {
    const { meetingId } = JSON.parse(payload) as { meetingId: string };
    const found = await read((s) => s.calendar.meetingFile(meetingId, now, (id) => s.zones.of(id), t));
    if (!found) throw new Error(`no meeting ${meetingId} for its calendar file`);
    const filename = `${found.meeting.code}.ics`;
    const path = await files.place("calendar", filename);
    await writeFile(path, found.text, { mode: 0o600 });
    const caption = t("calendar.fileCaption", {
      type: t(`meetingTypes.${found.meeting.type}`),
      topic: found.meeting.topic,
    });
    return { segments: [{ text: caption }], attachment: { kind: "file", filename, path } };
  },
};

// 三会一课 and the theme party day, as parts that each do one job over the same deps: finding a
// meeting the actor may see or manage and who is expected (access), scheduling, attendance
// (responses, leave, check-in), the record (minutes, closing, corrections) and the views
// (upcoming, obligations, rates). Each part is built the first time it is used.
import { lazily } from "../core/lazily.js";
import { MeetingAccess, type MeetingDeps } from "./meeting-access.js";
import { MeetingAttendance } from "./meeting-attendance.js";
import { MeetingRecords } from "./meeting-records.js";
import { MeetingScheduling } from "./meeting-scheduling.js";
import { MeetingViews } from "./meeting-views.js";

export type { EditableField, MinutesField, ScheduleInput } from "./meeting-access.js";

export interface Meetings {
  access: MeetingAccess;
  scheduling: MeetingScheduling;
  attendance: MeetingAttendance;
  records: MeetingRecords;
  views: MeetingViews;
}

export function meetingsOver(deps: MeetingDeps): Meetings {
  const parts: Meetings = lazily<Meetings>({
    access: () => new MeetingAccess(deps),
    scheduling: () => new MeetingScheduling(deps, parts.access),
    attendance: () => new MeetingAttendance(deps, parts.access),
    records: () => new MeetingRecords(deps, parts.access),
    views: () => new MeetingViews(deps, parts.access),
  });
  return parts;
}

// Messages that are a convenience, not a record: one failed try ends them, so their retries never
// hold back the chat's announcements and reminders. The kinds are named here, where delivery
// decides, and the features that queue them take the name from here.

/** A meeting's .ics file, posted after its announcement. */
export const CALENDAR_FILE_KIND = "calendar-file";

const BEST_EFFORT: ReadonlySet<string> = new Set([CALENDAR_FILE_KIND]);

export const isBestEffort = (kind: string): boolean => BEST_EFFORT.has(kind);

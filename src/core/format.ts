// How instants and shares are written in replies and exports.
import { DateTime } from "luxon";

export function formatDateTime(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toFormat("yyyy-MM-dd HH:mm");
}

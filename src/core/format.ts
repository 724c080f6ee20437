// How instants and shares are written in replies and exports.
import { DateTime } from "luxon";

export function formatDateTime(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toFormat("yyyy-MM-dd HH:mm");
}

/** A share as people read it (0.873 → "87%"); "—" where there is nothing to divide. */
export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? "—" : `${Math.round(share * 100)}%`;
}

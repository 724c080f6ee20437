// When check-in is open and whether a check-in is late.
export interface CheckInWindow {
  startsAt: Date;
  checkInOpensMinutes: number;
  checkInClosesMinutes: number;
}

export type CheckInTiming = "not_open" | "on_time" | "late" | "closed";

export function checkInTiming(meeting: CheckInWindow, now: Date): CheckInTiming {
  const opens = meeting.startsAt.getTime() - meeting.checkInOpensMinutes * 60_000;
  const closes = meeting.startsAt.getTime() + meeting.checkInClosesMinutes * 60_000;
  const t = now.getTime();
  if (t < opens) return "not_open";
  if (t > closes) return "closed";
  return t <= meeting.startsAt.getTime() ? "on_time" : "late";
}

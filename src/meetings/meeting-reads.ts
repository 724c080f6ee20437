// What other slices may read of meetings: the few queries the 台账, warnings, dues, the committee's
// evaluation and 发展党员's checks need, without the repositories that write them.
import type { AttendanceRepository } from "./attendance-repository.js";
import type { LeaveRepository } from "./leave-repository.js";
import type { MeetingRepository } from "./meeting-repository.js";

export interface MeetingReads {
  findByCode: MeetingRepository["findByCode"];
  between: MeetingRepository["between"];
  inBranchesBetween: MeetingRepository["inBranchesBetween"];
  checkIns: AttendanceRepository["checkIns"];
  attendeesOf: AttendanceRepository["attendeesOf"];
  attendanceOfBranch: AttendanceRepository["attendanceOfBranch"];
  leavesOf: LeaveRepository["leavesOf"];
}

export function meetingReads(
  meetings: MeetingRepository,
  attendance: AttendanceRepository,
  leaves: LeaveRepository,
): MeetingReads {
  return {
    findByCode: (code) => meetings.findByCode(code),
    between: (organizationId, from, to) => meetings.between(organizationId, from, to),
    inBranchesBetween: (...args) => meetings.inBranchesBetween(...args),
    checkIns: (meetingId) => attendance.checkIns(meetingId),
    attendeesOf: (meetingIds) => attendance.attendeesOf(meetingIds),
    attendanceOfBranch: (organizationId, from, to) => attendance.attendanceOfBranch(organizationId, from, to),
    leavesOf: (meetingIds) => leaves.leavesOf(meetingIds),
  };
}

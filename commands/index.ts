// Every command the bot knows. A command not listed here does not exist; the authorisation
// matrix test fails for a command whose expected roles it does not list.
import type { AnyCommand } from "../src/runtime/command.js";
import { approveRegister } from "./community/approve-register.js";
import { household } from "./community/households/household.js";
import { households } from "./community/households/households.js";
import { unvisited } from "./community/households/unvisited.js";
import { visit } from "./community/households/visit.js";
import { register } from "./community/register.js";
import { rejectRegister } from "./community/reject-register.js";
import { activities } from "./community/volunteering/activities.js";
import { activity } from "./community/volunteering/activity.js";
import { myService } from "./community/volunteering/my-service.js";
import { serveIn } from "./community/volunteering/serve-in.js";
import { serveOut } from "./community/volunteering/serve-out.js";
import { serviceReport } from "./community/volunteering/service-report.js";
import { signup } from "./community/volunteering/signup.js";
import { signupCancel } from "./community/volunteering/signup-cancel.js";
import { claim } from "./community/wishes/claim.js";
import { confirmWish } from "./community/wishes/confirm-wish.js";
import { fulfil } from "./community/wishes/fulfil.js";
import { wish } from "./community/wishes/wish.js";
import { wishInfo } from "./community/wishes/wish-info.js";
import { wishes } from "./community/wishes/wishes.js";
import { devFile } from "./development/dev-file.js";
import { develop } from "./development/develop.js";
import { pipeline } from "./development/pipeline.js";
import { dues } from "./dues/dues.js";
import { duesPaid } from "./dues/dues-paid.js";
import { duesSet } from "./dues/dues-set.js";
import { myDues } from "./dues/my-dues.js";
import { evalItem } from "./evaluation/eval-item.js";
import { evalItems } from "./evaluation/eval-items.js";
import { evaluation } from "./evaluation/evaluation.js";
import { exempt } from "./evaluation/exempt.js";
import { handScore } from "./evaluation/hand-score.js";
import { review } from "./evaluation/review.js";
import { reviewSubmit } from "./evaluation/review-submit.js";
import { reviews } from "./evaluation/reviews.js";
import { absent } from "./meetings/attendance/absent.js";
import { approveLeave } from "./meetings/attendance/approve-leave.js";
import { attend } from "./meetings/attendance/attend.js";
import { checkin } from "./meetings/attendance/checkin.js";
import { checkinCode } from "./meetings/attendance/checkin-code.js";
import { leave } from "./meetings/attendance/leave.js";
import { leaves } from "./meetings/attendance/leaves.js";
import { myAttendance } from "./meetings/attendance/my-attendance.js";
import { myLeaves } from "./meetings/attendance/my-leaves.js";
import { notCheckedIn } from "./meetings/attendance/not-checked-in.js";
import { rejectLeave } from "./meetings/attendance/reject-leave.js";
import { calendar } from "./meetings/calendar.js";
import { meetings } from "./meetings/meetings.js";
import { obligationsCommand } from "./meetings/obligations.js";
import { closeMeeting } from "./meetings/records/close-meeting.js";
import { correct } from "./meetings/records/correct.js";
import { meeting } from "./meetings/records/meeting.js";
import { minutes } from "./meetings/records/minutes.js";
import { tick } from "./meetings/records/tick.js";
import { cancelMeeting } from "./meetings/scheduling/cancel-meeting.js";
import { changeSchedule } from "./meetings/scheduling/change-schedule.js";
import { confirmSchedule } from "./meetings/scheduling/confirm-schedule.js";
import { editMeeting } from "./meetings/scheduling/edit-meeting.js";
import { editSeries } from "./meetings/scheduling/edit-series.js";
import { endSeries } from "./meetings/scheduling/end-series.js";
import { pauseReminders } from "./meetings/scheduling/pause-reminders.js";
import { schedule } from "./meetings/scheduling/schedule.js";
import { series } from "./meetings/scheduling/series.js";
import { themeDays } from "./meetings/scheduling/theme-days.js";
import { acceptTransfer } from "./membership/accept-transfer.js";
import { approve } from "./membership/approve.js";
import { declineTransfer } from "./membership/decline-transfer.js";
import { importRoster } from "./membership/import.js";
import { invite } from "./membership/invite.js";
import { join } from "./membership/join.js";
import { members } from "./membership/members.js";
import { reject } from "./membership/reject.js";
import { requests } from "./membership/requests.js";
import { role } from "./membership/role.js";
import { transfer } from "./membership/transfer.js";
import { jobsCommand } from "./operations/jobs.js";
import { outbox } from "./operations/outbox.js";
import { runJob } from "./operations/run-job.js";
import { bind } from "./organization/bind.js";
import { bindCode } from "./organization/bind-code.js";
import { bootstrap } from "./organization/bootstrap.js";
import { orgAdd } from "./organization/org-add.js";
import { orgs } from "./organization/orgs.js";
import { set } from "./organization/set.js";
import { settings } from "./organization/settings.js";
import { unbind } from "./organization/unbind.js";
import { help } from "./personal/help.js";
import { home } from "./personal/home.js";
import { language } from "./personal/language.js";
import { link } from "./personal/link.js";
import { profile } from "./personal/profile.js";
import { use } from "./personal/use.js";
import { whoami } from "./personal/whoami.js";
import { chart } from "./reports/chart.js";
import { exportLedger } from "./reports/export.js";
import { ledger } from "./reports/ledger.js";
import { rankCommand } from "./reports/rank.js";
import { warnings } from "./reports/warnings.js";

export const commands: readonly AnyCommand[] = [
  help,
  home,
  whoami,
  profile,
  language,
  link,
  meetings,
  calendar,
  meeting,
  attend,
  leave,
  checkin,
  myAttendance,
  myLeaves,
  rankCommand,
  minutes,
  tick,
  join,
  register,
  orgs,
  use,
  members,
  settings,
  schedule,
  confirmSchedule,
  changeSchedule,
  series,
  editSeries,
  endSeries,
  themeDays,
  editMeeting,
  cancelMeeting,
  leaves,
  approveLeave,
  rejectLeave,
  checkinCode,
  notCheckedIn,
  absent,
  closeMeeting,
  correct,
  obligationsCommand,
  warnings,
  exportLedger,
  ledger,
  chart,
  evaluation,
  exempt,
  evalItems,
  evalItem,
  handScore,
  review,
  reviewSubmit,
  reviews,
  duesSet,
  duesPaid,
  dues,
  myDues,
  develop,
  pipeline,
  devFile,
  activity,
  activities,
  signup,
  signupCancel,
  serveIn,
  serveOut,
  myService,
  serviceReport,
  wish,
  wishes,
  claim,
  wishInfo,
  fulfil,
  confirmWish,
  household,
  visit,
  households,
  unvisited,
  invite,
  requests,
  approve,
  reject,
  approveRegister,
  rejectRegister,
  role,
  transfer,
  acceptTransfer,
  declineTransfer,
  importRoster,
  bindCode,
  bind,
  unbind,
  set,
  orgAdd,
  pauseReminders,
  jobsCommand,
  runJob,
  outbox,
  bootstrap,
];

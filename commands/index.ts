// Every command the bot knows. A command not listed here does not exist; the authorisation
// matrix test fails for a command whose expected roles it does not list.
import type { AnyCommand } from "../src/runtime/command.js";
import { absent } from "./absent.js";
import { acceptTransfer } from "./accept-transfer.js";
import { activities } from "./activities.js";
import { activity } from "./activity.js";
import { approve } from "./approve.js";
import { approveLeave } from "./approve-leave.js";
import { approveRegister } from "./approve-register.js";
import { attend } from "./attend.js";
import { bind } from "./bind.js";
import { bindCode } from "./bind-code.js";
import { bootstrap } from "./bootstrap.js";
import { calendar } from "./calendar.js";
import { cancelMeeting } from "./cancel-meeting.js";
import { changeSchedule } from "./change-schedule.js";
import { chart } from "./chart.js";
import { checkin } from "./checkin.js";
import { checkinCode } from "./checkin-code.js";
import { claim } from "./claim.js";
import { closeMeeting } from "./close-meeting.js";
import { confirmSchedule } from "./confirm-schedule.js";
import { confirmWish } from "./confirm-wish.js";
import { correct } from "./correct.js";
import { declineTransfer } from "./decline-transfer.js";
import { devFile } from "./dev-file.js";
import { develop } from "./develop.js";
import { dues } from "./dues.js";
import { duesPaid } from "./dues-paid.js";
import { duesSet } from "./dues-set.js";
import { editMeeting } from "./edit-meeting.js";
import { editSeries } from "./edit-series.js";
import { endSeries } from "./end-series.js";
import { evalItem } from "./eval-item.js";
import { evalItems } from "./eval-items.js";
import { evaluation } from "./evaluation.js";
import { exempt } from "./exempt.js";
import { exportLedger } from "./export.js";
import { fulfil } from "./fulfil.js";
import { handScore } from "./hand-score.js";
import { help } from "./help.js";
import { home } from "./home.js";
import { household } from "./household.js";
import { households } from "./households.js";
import { importRoster } from "./import.js";
import { invite } from "./invite.js";
import { jobsCommand } from "./jobs.js";
import { join } from "./join.js";
import { language } from "./language.js";
import { leave } from "./leave.js";
import { leaves } from "./leaves.js";
import { link } from "./link.js";
import { meeting } from "./meeting.js";
import { meetings } from "./meetings.js";
import { members } from "./members.js";
import { minutes } from "./minutes.js";
import { myAttendance } from "./my-attendance.js";
import { myDues } from "./my-dues.js";
import { myLeaves } from "./my-leaves.js";
import { myService } from "./my-service.js";
import { notCheckedIn } from "./not-checked-in.js";
import { obligationsCommand } from "./obligations.js";
import { orgAdd } from "./org-add.js";
import { orgs } from "./orgs.js";
import { outbox } from "./outbox.js";
import { pauseReminders } from "./pause-reminders.js";
import { pipeline } from "./pipeline.js";
import { profile } from "./profile.js";
import { rankCommand } from "./rank.js";
import { register } from "./register.js";
import { reject } from "./reject.js";
import { rejectLeave } from "./reject-leave.js";
import { rejectRegister } from "./reject-register.js";
import { requests } from "./requests.js";
import { review } from "./review.js";
import { reviewSubmit } from "./review-submit.js";
import { reviews } from "./reviews.js";
import { role } from "./role.js";
import { runJob } from "./run-job.js";
import { schedule } from "./schedule.js";
import { series } from "./series.js";
import { serveIn } from "./serve-in.js";
import { serveOut } from "./serve-out.js";
import { serviceReport } from "./service-report.js";
import { set } from "./set.js";
import { settings } from "./settings.js";
import { signup } from "./signup.js";
import { signupCancel } from "./signup-cancel.js";
import { themeDays } from "./theme-days.js";
import { tick } from "./tick.js";
import { transfer } from "./transfer.js";
import { unbind } from "./unbind.js";
import { unvisited } from "./unvisited.js";
import { use } from "./use.js";
import { visit } from "./visit.js";
import { warnings } from "./warnings.js";
import { whoami } from "./whoami.js";
import { wish } from "./wish.js";
import { wishInfo } from "./wish-info.js";
import { wishes } from "./wishes.js";

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

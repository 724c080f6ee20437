// Daily at 09:00: the 发展党员 deadlines, privately — a talk not yet held a week before the month
// after the application runs out; a half-yearly review due; a 预备期 ending in 30 days (ask for
// the 转正申请); an approval waiting at the committee. Each is said once when it comes due and once
// more the day it is overdue, to the branch's secretaries and the members it concerns (培养联系人
// for reviews, 入党介绍人 for the probation), and for approvals to the committee above as well.
import { textReply } from "../src/core/reply.js";
import type { Due } from "../src/development/development-rules.js";
import { lastOf, localDay, stateOf } from "../src/development/development-rules.js";
import { defineJob } from "../src/scheduler/job.js";

const SINCE: Record<Due["kind"], string> = {
  talk: "application",
  review: "activist",
  probation_review: "approval",
  full_application: "admission_vote",
  approval: "admission_vote",
  full_approval: "full_vote",
};

export const developmentNudges = defineJob({
  id: "development-nudges",
  cron: "0 9 * * *",
  catchUpMs: 24 * 3_600_000,
  async run({ now, services, t }) {
    let sent = 0;
    for (const { file, dues, zone } of await services.developmentFiles.dueEverywhere()) {
      const today = localDay(now, zone);
      const branch = await services.orgs.findById(file.organizationId);
      for (const due of dues) {
        if (due.from > today) continue;
        const overdue = due.due < today;
        const people = new Set(await services.warnings.secretariesOf(file.organizationId));
        if (due.kind === "approval" || due.kind === "full_approval")
          for (const p of await services.developmentFiles.committeeOf(file.organizationId)) people.add(p);
        if (due.kind === "review")
          for (const p of await services.developmentFiles.peopleNamed(file, "contacts")) people.add(p);
        if (due.kind === "probation_review" || due.kind === "full_application")
          for (const p of await services.developmentFiles.peopleNamed(file, "introducers")) people.add(p);
        const text = `${overdue ? t("development.nudges.overdue") : ""}${t(`development.nudges.${due.kind}`, {
          name: file.name,
          branch: branch?.name ?? "",
          due: due.due,
          since: lastOf(stateOf(file), SINCE[due.kind])?.on ?? "",
        })}`;
        const key = `dev:${file.id}:${due.kind}:${due.due}${overdue ? ":overdue" : ""}`;
        for (const personId of people)
          sent += await services.outbox.toPerson(personId, textReply(text), {
            now,
            dedupeKey: `${key}:${personId}`,
          });
      }
    }
    return { sent };
  },
});

// Every 15 minutes: community work that needs a nudge. Members signed up for a volunteer activity
// starting within a day hear about it privately, once; a claimed micro-wish close to its due time
// gets a private reminder to its claimant, and one past it goes back on the board (the claimant is
// told privately, the chat publicly — by what was wished, never by whom).

import { textReply } from "../src/core/reply.js";
import { formatDateTime } from "../src/runtime/command-helpers.js";
import { defineJob } from "../src/scheduler/job.js";

export const communityReminders = defineJob({
  id: "community-reminders",
  cron: "*/15 * * * *",
  catchUpMs: 60 * 60_000,
  async run({ now, services, t }) {
    let reminders = 0;
    for (const { activity, pending } of await services.volunteers.dueReminders(now)) {
      const zone = await services.zones.of(activity.organizationId);
      const text = t("community.reminder", {
        at: formatDateTime(activity.startsAt, zone).slice(11),
        title: activity.title,
        place: activity.place,
        code: activity.code,
      });
      for (const signup of pending) {
        if (signup.member.personId)
          reminders += await services.outbox.toPerson(signup.member.personId, textReply(text), {
            now,
            dedupeKey: `activity:${activity.id}:${signup.memberId}`,
          });
        await services.volunteers.markReminded(activity.id, signup.memberId, now);
      }
    }
    const { remind, lapse } = await services.wishes.claimsToProcess(now);
    for (const { wish, personId } of remind) {
      const zone = await services.zones.of(wish.organizationId);
      const due = wish.claimDueAt ? formatDateTime(wish.claimDueAt, zone) : "";
      if (personId)
        reminders += await services.outbox.toPerson(
          personId,
          textReply(t("wishes.claimReminder", { summary: wish.summary, code: wish.code, due })),
          { now, dedupeKey: `wish-remind:${wish.id}:${wish.claimedAt?.toISOString()}` },
        );
      await services.wishes.markReminded(wish, now);
    }
    let released = 0;
    for (const { wish, personId } of lapse) {
      if (!(await services.wishes.release(wish))) continue;
      released++;
      const key = `wish-lapse:${wish.id}:${wish.claimedAt?.toISOString()}`;
      if (personId)
        await services.outbox.toPerson(
          personId,
          textReply(t("wishes.claimLapsedToClaimant", { summary: wish.summary, code: wish.code })),
          { now, dedupeKey: key },
        );
      await services.outbox.toOrganization(
        wish.organizationId,
        {
          ...textReply(t("wishes.reopened", { summary: wish.summary, code: wish.code })),
          buttons: [[{ label: t("wishes.claimButton"), command: "claim", args: [wish.code] }]],
        },
        { now, dedupeKey: key },
      );
    }
    return { reminders, released };
  },
});

// On the 20th at 09:00: members whose dues for this month are not recorded yet hear it privately
// (once a month), with the earlier months they owe.

import { textReply } from "../src/core/reply.js";
import { fenToYuan } from "../src/dues/dues-rules.js";
import { monthOf } from "../src/dues/dues-service.js";
import { defineJob } from "../src/scheduler/job.js";

export const duesReminders = defineJob({
  id: "dues-reminders",
  cron: "0 9 20 * *",
  catchUpMs: 24 * 3_600_000,
  async run({ now, services, t }) {
    let sent = 0;
    for (const branch of await services.orgs.branches()) {
      const zone = await services.zones.of(branch.id);
      const month = monthOf(now, zone);
      for (const s of await services.dues.standing(branch.id, now, zone)) {
        if (await services.dues.paidMonth(s.memberId, month)) continue;
        const personId = await services.dues.personOf(s.memberId);
        if (!personId) continue;
        const behind = s.arrears.length > 0 ? t("dues.reminderBehind", { months: s.arrears.length }) : "";
        sent += await services.outbox.toPerson(
          personId,
          textReply(t("dues.reminder", { month, amount: fenToYuan(s.amountFen), behind })),
          { now, dedupeKey: `dues:${s.memberId}:${month}` },
        );
      }
    }
    return { sent };
  },
});

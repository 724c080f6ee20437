// /pause_reminders <days>: no meeting reminders for this branch for a while (holidays); 0 resumes.
import { DateTime } from "luxon";
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { requireOrg } from "../../../src/runtime/command-helpers.js";

export const pauseReminders = defineCommand({
  name: "pause_reminders",
  aliases: ["暂停提醒"],
  role: "secretary",
  args: z.tuple([z.coerce.number().int().min(0).max(90)]),
  async run(ctx) {
    const org = requireOrg(ctx);
    const days = ctx.args[0];
    const until =
      days === 0
        ? "none"
        : (DateTime.fromJSDate(ctx.now, { zone: ctx.zone }).plus({ days }).toISODate() ?? "none");
    await ctx.services.orgs.setSetting(ctx.personId, org, "reminders.pausedUntil", until, ctx.now);
    return textReply(
      days === 0
        ? ctx.t("pause.resumed", { name: org.name })
        : ctx.t("pause.paused", { name: org.name, until }),
    );
  },
});

// /my_attendance: my attendance this month, quarter and year, from closed meetings' ledgers.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { defineCommand } from "../../../src/runtime/command.js";

export const myAttendance = defineCommand({
  name: "my_attendance",
  aliases: ["我的出勤", "出勤"],
  role: "anyone",
  args: z.tuple([]),
  async run(ctx) {
    const { member, result } = await ctx.services.meetings.views.attendanceOf(ctx.personId, ctx.now);
    const lines = [ctx.t("myAttendance.title", { name: member.name })];
    for (const kind of ["month", "quarter", "year"] as const) {
      const r = result.get(kind);
      if (r) lines.push(ctx.t("myAttendance.line", { period: ctx.t(`myAttendance.${kind}`), ...r }));
    }
    return textReply(lines.join("\n"), { visibility: "private" });
  },
});

// /absent <meeting> <member> <因公|病假|无故|其他> [note]: record why someone was absent.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { parseAbsenceReason } from "../../../src/meetings/ledger.js";
import { meetingCodeArg } from "../../../src/meetings/meeting-code-arg.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { codeArg } from "../../../src/runtime/command-helpers.js";

export const reasonArg = z
  .string()
  .transform((w) => parseAbsenceReason(w))
  .pipe(z.enum(["official", "sick", "unexcused", "other"]));

export const absent = defineCommand({
  name: "absent",
  aliases: ["缺席", "缺席原因"],
  role: "group_leader",
  args: z.tuple([meetingCodeArg, codeArg, reasonArg]).rest(z.string()),
  async run(ctx) {
    const [code, memberCode, reason, ...note] = ctx.args;
    const { member } = await ctx.services.meetings.attendance.noteAbsence(
      ctx.personId,
      code,
      memberCode,
      reason,
      note.join(" ").slice(0, 200) || null,
      ctx.now,
    );
    return textReply(
      ctx.t("absence.noted", { name: member.name, reason: ctx.t(`absenceReasons.${reason}`) }),
    );
  },
});

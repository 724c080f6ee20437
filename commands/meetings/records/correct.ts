// /correct <meeting> <内容|决议> <text…> or /correct <meeting> 原因 <member> <reason>: change a
// closed meeting's record. Every correction is logged with what it replaced.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { meetingCodeArg } from "../../../src/meetings/meeting-code-arg.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { codeArg } from "../../../src/runtime/command-helpers.js";
import { reasonArg } from "../attendance/absent.js";

const textField = z
  .string()
  .transform(
    (w) =>
      ({ content: "content", 内容: "content", resolutions: "resolutions", 决议: "resolutions" })[
        w.toLowerCase()
      ],
  )
  .pipe(z.enum(["content", "resolutions"]));
const reasonField = z.enum(["reason", "原因", "缺席原因"]);

export const correct = defineCommand({
  name: "correct",
  aliases: ["更正"],
  role: "secretary",
  args: z.union([
    z.tuple([meetingCodeArg, reasonField, codeArg, reasonArg]),
    z.tuple([meetingCodeArg, textField, z.string()]).rest(z.string()),
  ]),
  async run(ctx) {
    const [code, what] = ctx.args;
    if (what === "content" || what === "resolutions") {
      const value = ctx.args.slice(2).join(" ").slice(0, 5000);
      await ctx.services.meetings.records.correct(ctx.personId, code, { field: what, value }, ctx.now);
    } else {
      const [, , memberCode, reason] = ctx.args as [
        string,
        string,
        string,
        "official" | "sick" | "unexcused" | "other",
      ];
      await ctx.services.meetings.records.correct(
        ctx.personId,
        code,
        { field: "reason", memberCode, reason },
        ctx.now,
      );
    }
    return textReply(ctx.t("correct.done", { code }));
  },
});

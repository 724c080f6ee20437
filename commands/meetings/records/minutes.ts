// /minutes <meeting> <内容|决议|照片> <text…>: the record of the meeting, by the host, the
// recorder or the secretary. Without text, the bot asks for it.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { meetingCodeArg } from "../../../src/meetings/meeting-code-arg.js";
import { defineCommand } from "../../../src/runtime/command.js";

const FIELDS: Record<string, "content" | "resolutions" | "photo"> = {
  content: "content",
  内容: "content",
  记录: "content",
  resolutions: "resolutions",
  决议: "resolutions",
  photo: "photo",
  照片: "photo",
};
const field = z
  .string()
  .transform((w) => FIELDS[w.toLowerCase()])
  .pipe(z.enum(["content", "resolutions", "photo"]));

export const minutes = defineCommand({
  name: "minutes",
  aliases: ["会议记录", "记录"],
  role: "member",
  args: z.tuple([meetingCodeArg, field]).rest(z.string()),
  async run(ctx) {
    const [code, what, ...words] = ctx.args;
    const text = words.join(" ").trim().slice(0, 5000);
    if (!text) return ctx.ask(ctx.t(`minutes.ask.${what}`), "minutes", [code, what]);
    const meeting = await ctx.services.meetings.records.recordMinutes(
      ctx.personId,
      code,
      what,
      text,
      ctx.now,
    );
    return textReply(ctx.t("minutes.saved", { field: ctx.t(`minutesFields.${what}`), topic: meeting.topic }));
  },
});

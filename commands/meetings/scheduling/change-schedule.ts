// /change_schedule <草稿编号> [类型|时间|地点|主题|放弃] [新内容]: the 修改 button of a meeting card.
// Without a piece it offers the pieces; with one it asks for that piece alone (the type by
// buttons) and shows the card again with the rest kept. 放弃 drops the draft.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { formatMeetingTime } from "../../../src/meetings/announcement.js";
import { draftPiece, renderDraftCard, renderDraftMenu } from "../../../src/meetings/draft-card.js";
import { MEETING_TYPES, parseMeetingType } from "../../../src/meetings/meeting-types.js";
import { understandWhen } from "../../../src/meetings/time-phrase/understand-when.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { codeArg } from "../../../src/runtime/command-helpers.js";

const ASK = { time: "schedule.ask.date", place: "schedule.ask.place", topic: "schedule.ask.topic" } as const;

export const changeSchedule = defineCommand({
  name: "change_schedule",
  aliases: ["修改安排"],
  role: "group_leader",
  settlesPressed: true,
  args: z.tuple([codeArg], z.string().max(200)).refine((a) => a.length <= 40),
  async run(ctx) {
    const [code, word, ...value] = ctx.args;
    const drafts = ctx.services.drafts;
    const view = await drafts.view(ctx.personId, code, ctx.now);
    const piece = word ? draftPiece(word) : undefined;
    if (!piece) return renderDraftMenu(code, ctx.t);
    if (piece === "drop") {
      await drafts.drop(ctx.personId, code, ctx.now);
      return textReply(ctx.t("drafts.dropped"));
    }
    const zone = await ctx.services.zones.of(view.branchId);
    const text = value.join(" ").trim();
    const show = async (patch: Parameters<typeof drafts.change>[2]) =>
      renderDraftCard(await drafts.change(ctx.personId, code, patch, ctx.now), zone, ctx.t);

    if (piece === "type") {
      const type = text ? parseMeetingType(text) : undefined;
      if (type) return show({ type });
      const reply = textReply(
        [text ? ctx.t("schedule.invalid.type") : null, ctx.t("schedule.ask.type")].filter(Boolean).join("\n"),
      );
      const types = MEETING_TYPES.filter((t) => t !== "other");
      reply.buttons = [types.slice(0, 3), types.slice(3)].map((row) =>
        row.map((t) => ({
          label: ctx.t(`meetingTypes.${t}`),
          command: "change_schedule",
          args: [code, "type", t],
        })),
      );
      return reply;
    }
    if (!text) return ctx.ask(ctx.t(ASK[piece]), "change_schedule", [code, piece]);
    if (piece === "place") return show({ place: text.slice(0, 60) });
    if (piece === "topic") return show({ topic: text.slice(0, 200) });
    const answer = understandWhen(text, ctx.now, zone);
    if (answer.kind === "instant") return show({ startsAt: answer.start, endsAt: answer.end });
    const why = ctx.t(`schedule.problem.${answer.reason}`, {
      phrase: text,
      when: answer.start ? formatMeetingTime(answer.start, zone, ctx.t) : "",
    });
    return ctx.ask(`${why}\n${ctx.t(ASK.time)}`, "change_schedule", [code, "time"]);
  },
});

// /schedule 类型 时间 [地点] 主题 [主持=编号] [记录=编号] [小组=代码] [重复=N] [线上]
// One line for those who like it, in any order and with the time as secretaries write it
// (下周三晚上7点半 支委会 党员活动室 学习…); without arguments, a guided conversation that asks
// for each piece in turn (type by buttons, then date, time, place and topic as plain messages).
// A wrong or unclear piece is asked for again on its own, with what was understood. A complete
// reading is shown back as a card and created only on 确认 (confirm-schedule.ts).
import { z } from "zod";
import { plain } from "../../../src/core/reply.js";
import { formatMeetingTime } from "../../../src/meetings/announcement.js";
import { renderDraftCard } from "../../../src/meetings/draft-card.js";
import { readSchedule } from "../../../src/meetings/meeting-args.js";
import { MEETING_TYPES } from "../../../src/meetings/meeting-types.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { requireOrg } from "../../../src/runtime/command-helpers.js";

export const schedule = defineCommand({
  name: "schedule",
  aliases: ["安排会议", "安排", "开会"],
  role: "group_leader",
  args: z.array(z.string().max(200)).max(20),
  async run(ctx) {
    const org = requireOrg(ctx);
    const { draft, next, invalid, problem, kept } = readSchedule(ctx.args, ctx.now, ctx.zone);
    if (next) {
      // Keep what was good so far; ask for the missing or wrong piece alone.
      const why = problem
        ? ctx.t(`schedule.problem.${problem.reason}`, {
            phrase: problem.phrase,
            when: problem.start ? formatMeetingTime(problem.start, ctx.zone, ctx.t) : "",
          })
        : invalid
          ? ctx.t(`schedule.invalid.${invalid}`)
          : null;
      const question = [why, ctx.t(`schedule.ask.${next}`)].filter(Boolean).join("\n");
      // The answer to "where?" or "what about?" is that piece, whatever words it uses.
      const named = next === "place" ? "地点=" : next === "topic" ? "主题=" : null;
      const reply = await ctx.ask(question, "schedule", named ? [...kept, named] : kept);
      if (next === "place") {
        const usual = await ctx.services.drafts.usualPlace(org);
        reply.buttons = [
          [...(usual ? [usual] : []), ctx.t("schedule.placePending")].map((place) => ({
            label: place,
            command: "schedule",
            args: [...kept, `地点=${place}`],
          })),
        ];
      }
      if (next === "type") {
        const types = MEETING_TYPES.filter((type) => type !== "other");
        reply.buttons = [types.slice(0, 3), types.slice(3)].map((row) =>
          row.map((type) => ({ label: ctx.t(`meetingTypes.${type}`), command: "schedule", args: [type] })),
        );
      }
      return reply;
    }
    const { type, startsAt, topic } = draft;
    if (!type || !startsAt || !topic) throw new Error("readSchedule returned an incomplete draft");
    // A place is optional: the branch's usual one, else 待定 — and the card says which.
    const usual = draft.place ? null : await ctx.services.drafts.usualPlace(org);
    const place = draft.place ?? usual ?? ctx.t("schedule.placePending");
    // Nothing is created yet: the card shows what was understood, and 确认 creates it.
    const view = await ctx.services.drafts.create(
      ctx.personId,
      org,
      {
        type,
        startsAt,
        endsAt: draft.endsAt ?? null,
        place,
        topic,
        online: draft.online,
        occurrences: draft.occurrences,
        ...(draft.hostCode ? { hostCode: draft.hostCode } : {}),
        ...(draft.recorderCode ? { recorderCode: draft.recorderCode } : {}),
        ...(draft.groupCode ? { groupCode: draft.groupCode } : {}),
        ...(draft.recurrence ? { recurrence: draft.recurrence } : {}),
      },
      ctx.now,
    );
    const card = renderDraftCard(view, ctx.zone, ctx.t);
    if (draft.place) return card;
    const note = usual ? ctx.t("schedule.placeUsual", { place: usual }) : ctx.t("schedule.placeOpen");
    return { ...card, segments: [...card.segments, plain(`\n${note}`)] };
  },
});

// /series [系列编号]: the recurring meetings of the organisation (its own and those a committee
// above set for it), each with its next meeting; with a code, its coming meetings one by one.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { formatMeetingTime } from "../../../src/meetings/announcement.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { codeArg, requireOrg } from "../../../src/runtime/command-helpers.js";

export const series = defineCommand({
  name: "series",
  aliases: ["定期会议", "系列"],
  role: "member",
  args: z.union([z.tuple([]), z.tuple([codeArg])]),
  async run(ctx) {
    const org = requireOrg(ctx);
    const head = (s: { code: string; type: string; topic: string; ruleText: string; time: string }) => ({
      code: s.code,
      type: ctx.t(`meetingTypes.${s.type}`),
      topic: s.topic,
      rule: s.ruleText,
      time: s.time,
    });
    if (ctx.args.length === 1) {
      const { series: one, upcoming } = await ctx.services.series.view(ctx.personId, ctx.args[0], ctx.now);
      const lines = upcoming.map(
        (m) => `  ${formatMeetingTime(m.startsAt, ctx.zone, ctx.t)} ${m.code} ${m.place}`,
      );
      return textReply(
        [ctx.t("series.upcoming", head(one)), ...(lines.length ? lines : [ctx.t("series.noNext")])].join(
          "\n",
        ),
      );
    }
    const all = await ctx.services.series.list(org, ctx.now);
    if (all.length === 0) return textReply(ctx.t("series.none"));
    const lines = all.flatMap(({ series: s, upcoming }) => {
      const next = upcoming.find((m) => m.organizationId === org.id || m.groupId === org.id) ?? upcoming[0];
      return [
        ctx.t("series.line", {
          ...head(s),
          place: s.place,
          inherited: s.organizationId === org.id ? "" : ctx.t("series.inherited"),
        }),
        next
          ? ctx.t("series.next", {
              when: formatMeetingTime(next.startsAt, ctx.zone, ctx.t),
              meeting: next.code,
            })
          : ctx.t("series.noNext"),
      ];
    });
    return textReply([ctx.t("series.title"), ...lines, ctx.t("series.footer")].join("\n"));
  },
});

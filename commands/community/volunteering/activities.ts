// /activities: the volunteer board — in a group, the chat's organisation; in private, the
// member's branch and those above it, and communities where they registered (在职党员报到).
import { z } from "zod";
import { bold, plain, type Reply } from "../../../src/core/reply.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { formatDateTime } from "../../../src/runtime/command-helpers.js";

export const activities = defineCommand({
  name: "activities",
  aliases: ["活动", "志愿服务"],
  role: "anyone",
  args: z.tuple([]),
  async run(ctx) {
    const orgIds = await ctx.services.community.boardsFor(ctx.personId, ctx.chat, ctx.org);
    const list = await ctx.services.volunteers.upcoming(orgIds, ctx.now);
    if (list.length === 0) return { segments: [plain(ctx.t("community.none"))] };
    const reply: Reply = { segments: [bold(ctx.t("community.boardTitle"))], buttons: [] };
    for (const a of list) {
      const zone = await ctx.services.zones.of(a.organizationId, ctx.orgChain);
      reply.segments.push(
        plain(
          `\n${ctx.t("community.line", {
            at: formatDateTime(a.startsAt, zone),
            title: a.title,
            place: a.place,
            left: a.capacity - a.signedUp,
            code: a.code,
          })}`,
        ),
      );
      if (a.signedUp < a.capacity)
        reply.buttons?.push([
          { label: `${ctx.t("community.signUpButton")} ${a.code}`, command: "signup", args: [a.code] },
        ]);
    }
    return reply;
  },
});

// /requests: pending join requests, each with approve/reject buttons.
import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { requireOrg, requirePerson } from "../src/core/command-helpers.js";
import { textReply } from "../src/core/reply.js";

export const requests = defineCommand({
  name: "requests",
  aliases: ["待审批", "申请"],
  role: "secretary",
  args: z.tuple([]),
  async run(ctx) {
    const actorId = await requirePerson(ctx);
    const pending = await ctx.services.membership.pendingRequests(actorId, requireOrg(ctx));
    if (pending.length === 0) return textReply(ctx.t("members.noRequests"));
    return [
      textReply(ctx.t("members.requestsTitle", { count: pending.length })),
      ...pending.map((r) =>
        textReply(ctx.t("members.requestLine", { code: r.code, name: r.name, org: r.organization.name }), {
          buttons: [
            [
              { label: ctx.t("members.approveFull"), command: "approve", args: [r.code, "正式"] },
              { label: ctx.t("members.approveProbationary"), command: "approve", args: [r.code, "预备"] },
              { label: ctx.t("members.rejectButton"), command: "reject", args: [r.code] },
            ],
          ],
        }),
      ),
    ];
  },
});

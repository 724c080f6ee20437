// /reject <request> [reason]: turn a join request down.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";
import { codeArg } from "../../src/runtime/command-helpers.js";
import { notify } from "../../src/runtime/notify.js";

export const reject = defineCommand({
  name: "reject",
  aliases: ["拒绝"],
  role: "secretary",
  settlesPressed: true,
  args: z.tuple([codeArg]).rest(z.string()),
  async run(ctx) {
    const [code, ...reason] = ctx.args;
    const request = await ctx.services.membership.reject(
      ctx.personId,
      code,
      reason.join(" ").slice(0, 200) || null,
      ctx.now,
    );
    const org = await ctx.services.orgs.findById(request.organizationId);
    const because = reason.join(" ").slice(0, 200);
    await notify(
      ctx,
      [request.personId],
      (t) =>
        textReply(
          t("notices.joinRejected", {
            org: org?.name ?? "",
            reason: because ? t("notices.reason", { reason: because }) : "",
          }),
        ),
      `join-rejected:${request.code}`,
    );
    return textReply(ctx.t("members.rejected", { name: request.name, code: request.code }));
  },
});

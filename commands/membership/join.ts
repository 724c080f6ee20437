// /join <invite code> [name]: ask to join a branch; the secretary approves or rejects. Without the
// name (a member who followed an invitation link) the bot asks for it, privately.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";
import { codeArg, nameArg } from "../../src/runtime/command-helpers.js";
import { decidersOrAbove, notify } from "../../src/runtime/notify.js";

export const join = defineCommand({
  name: "join",
  aliases: ["加入", "申请加入"],
  role: "anyone",
  args: z.union([z.tuple([codeArg]), z.tuple([codeArg, nameArg])]),
  async run(ctx) {
    const [code, name] = ctx.args;
    if (name === undefined) return ctx.ask(ctx.t("members.askName"), "join", [code], "private");
    const { request, org } = await ctx.services.membership.join(ctx.personId, code, name, ctx.now);
    // The secretary learns of the request at once, with the buttons to decide it (without one yet,
    // the committee's secretaries or the administrators do).
    await notify(
      ctx,
      await decidersOrAbove(ctx, org.kind === "group" && org.parentId ? org.parentId : org.id),
      (t) =>
        textReply(t("notices.joinRequested", { name: request.name, org: org.name, code: request.code }), {
          buttons: [
            [
              { label: t("members.approveFull"), command: "approve", args: [request.code, "正式"] },
              { label: t("members.approveProbationary"), command: "approve", args: [request.code, "预备"] },
              { label: t("members.rejectButton"), command: "reject", args: [request.code] },
            ],
          ],
        }),
      `join-requested:${request.code}`,
    );
    return textReply(ctx.t("members.joinRequested", { name: org.name, code: request.code }), {
      visibility: "private",
    });
  },
});

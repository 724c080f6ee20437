// /calendar [支部] [重置]: the person's private calendar subscription — their branch's and party
// group's meetings in their phone's calendar, updated as meetings move or are cancelled. The link
// is a secret: it goes to the person privately; /calendar 重置 revokes it and gives a new one.
// /calendar 支部 gives the branch's feed (all its meetings), for a member to add or a secretary
// to share; only a secretary may reset it.
import { z } from "zod";
import { DomainError } from "../../src/core/domain-error.js";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";
import { requireOrg } from "../../src/runtime/command-helpers.js";

const word = z.enum(["reset", "重置", "branch", "支部"]);

export const calendar = defineCommand({
  name: "calendar",
  aliases: ["日历", "订阅日历"],
  role: "anyone",
  args: z.array(word).max(2),
  async run(ctx) {
    const reset = ctx.args.some((a) => a === "reset" || a === "重置");
    const forBranch = ctx.args.some((a) => a === "branch" || a === "支部");
    let branchId: string | null = null;
    if (forBranch) {
      const org = requireOrg(ctx);
      branchId = org.kind === "group" && org.parentId ? org.parentId : org.id;
      await ctx.services.access.require(ctx.personId, branchId, reset ? "secretary" : "member");
    } else if (!(await ctx.services.membership.firstMembership(ctx.personId)))
      throw new DomainError("members.notAMember", {}, "private");
    const { token, revoked } = await ctx.services.calendar.subscription(
      ctx.personId,
      reset,
      ctx.now,
      branchId,
    );
    const url = ctx.services.calendar.urlFor(token);
    const key = forBranch
      ? reset
        ? "calendar.branchReset"
        : "calendar.branchLink"
      : reset
        ? "calendar.reset"
        : "calendar.link";
    return textReply(ctx.t(key, { url, revoked }), { visibility: "private" });
  },
});

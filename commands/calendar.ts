// /calendar [reset]: the person's private calendar subscription — their branch's and party
// group's meetings in their phone's calendar, updated as meetings move or are cancelled. The link
// is a secret: it goes to the person privately; /calendar reset revokes it and gives a new one.
import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { requirePerson } from "../src/core/command-helpers.js";
import { DomainError } from "../src/core/domain-error.js";
import { textReply } from "../src/core/reply.js";

export const calendar = defineCommand({
  name: "calendar",
  aliases: ["日历", "订阅日历"],
  role: "anyone",
  args: z.union([z.tuple([]), z.tuple([z.enum(["reset", "重置"])])]),
  async run(ctx) {
    const personId = await requirePerson(ctx);
    if (!(await ctx.services.membership.firstMembership(personId)))
      throw new DomainError("members.notAMember", {}, "private");
    const reset = ctx.args.length === 1;
    const { token, revoked } = await ctx.services.calendar.subscription(personId, reset, ctx.now);
    const url = ctx.services.calendar.urlFor(token);
    const text = ctx.t(reset ? "calendar.reset" : "calendar.link", { url, revoked });
    return textReply(text, { visibility: "private" });
  },
});

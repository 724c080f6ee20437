// /unvisited: members of the branch with linked households not visited this month.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { requireOrg } from "../../../src/runtime/command-helpers.js";

export const unvisited = defineCommand({
  name: "unvisited",
  aliases: ["未走访"],
  role: "committee_member",
  args: z.tuple([]),
  async run(ctx) {
    const org = requireOrg(ctx);
    const behind = await ctx.services.households.unvisited(ctx.personId, org, ctx.now, ctx.zone);
    if (behind.length === 0) return textReply(ctx.t("households.allVisited"), { visibility: "private" });
    const lines = behind.map((b) =>
      ctx.t("households.behindLine", { name: b.name, households: b.households.join("、") }),
    );
    return textReply(`${ctx.t("households.behindTitle")}\n${lines.join("\n")}`, { visibility: "private" });
  },
});

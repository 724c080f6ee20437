// /household <label…>: link a household to me (党员联户 1+10), e.g. "3号楼2单元301".
import { z } from "zod";
import { joinText } from "../../../src/community/community-args.js";
import { textReply } from "../../../src/core/reply.js";
import { defineCommand } from "../../../src/runtime/command.js";

export const household = defineCommand({
  name: "household",
  aliases: ["联户"],
  role: "member",
  args: z.array(z.string()).min(1),
  async run(ctx) {
    const added = await ctx.services.households.add(ctx.personId, joinText(ctx.args, 60), ctx.now);
    return textReply(ctx.t("households.added", { label: added.label, code: added.code }), {
      visibility: "private",
    });
  },
});

// /bootstrap <code>: whoever sends the one-time code printed at first start becomes the first
// administrator of this installation.
import { z } from "zod";
import { DomainError } from "../../src/core/domain-error.js";
import { textReply } from "../../src/core/reply.js";
import { normalizeCode } from "../../src/core/short-code.js";
import { defineCommand } from "../../src/runtime/command.js";

export const bootstrap = defineCommand({
  name: "bootstrap",
  aliases: ["初始化"],
  role: "anyone",
  args: z.tuple([z.string().transform(normalizeCode)]),
  async run(ctx) {
    if (!(await ctx.services.access.redeemBootstrapCode(ctx.args[0], ctx.personId, ctx.now))) {
      throw new DomainError("bootstrap.invalid");
    }
    return textReply(ctx.t("bootstrap.done"), { visibility: "private" });
  },
});

// /exempt <member code> <reason…> | /exempt <member code> 取消: a member the branch excuses from
// organisational life they cannot take part in (年老体弱、长期患病, 《中国共产党党员教育管理工作条例》)
// raises no absence warning; 取消 ends it. The secretary's decision, audited.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";
import { codeArg } from "../../src/runtime/command-helpers.js";

const END_WORDS = new Set(["取消", "结束", "end", "off"]);

export const exempt = defineCommand({
  name: "exempt",
  aliases: ["免于预警", "年老体弱"],
  role: "secretary",
  args: z.tuple([codeArg, z.string().min(1)]).rest(z.string()),
  async run(ctx) {
    const [code, ...words] = ctx.args;
    const text = words.join(" ").trim().slice(0, 100);
    const ending = END_WORDS.has(text.toLowerCase());
    const member = await ctx.services.membership.setExemption(
      ctx.personId,
      code,
      ending ? null : text,
      ctx.now,
    );
    return textReply(
      ending
        ? ctx.t("members.exemptEnded", { name: member.name })
        : ctx.t("members.exempted", { name: member.name, reason: text }),
      { visibility: "private" },
    );
  },
});

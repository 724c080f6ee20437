// /wish <what…> | <who and where…>: post a resident's micro-wish (微心愿). What is before the bar is
// public; who and where, after it, only ever goes to the member who claims it.
import { z } from "zod";
import { DomainError } from "../../../src/core/domain-error.js";
import { bold, plain } from "../../../src/core/reply.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { requireOrg } from "../../../src/runtime/command-helpers.js";

export const wish = defineCommand({
  name: "wish",
  aliases: ["发布心愿", "微心愿"],
  role: "secretary",
  args: z.array(z.string()).min(1),
  async run(ctx) {
    const [summary = "", recipient = ""] = ctx.args
      .join(" ")
      .split(/[|｜]/)
      .map((part) => part.trim());
    if (!summary || !recipient) throw new DomainError("wishes.needsBoth");
    const org = requireOrg(ctx);
    const posted = await ctx.services.wishes.post(
      ctx.personId,
      org,
      summary.slice(0, 120),
      recipient.slice(0, 300),
      ctx.now,
    );
    return {
      segments: [
        bold(ctx.t("wishes.posted", { name: org.name })),
        plain(`\n${posted.summary} · ${posted.code}`),
      ],
      buttons: [[{ label: ctx.t("wishes.claimButton"), command: "claim", args: [posted.code] }]],
    };
  },
});

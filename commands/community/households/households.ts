// /households: my linked households and when I last visited each.
import { z } from "zod";
import { textReply } from "../../../src/core/reply.js";
import { defineCommand } from "../../../src/runtime/command.js";
import { formatDateTime } from "../../../src/runtime/command-helpers.js";

export const households = defineCommand({
  name: "households",
  aliases: ["我的联户"],
  role: "member",
  args: z.tuple([]),
  async run(ctx) {
    const list = await ctx.services.households.mine(ctx.personId);
    if (list.length === 0) return textReply(ctx.t("households.none"), { visibility: "private" });
    const lines = list.map((h) =>
      ctx.t("households.line", {
        label: h.label,
        code: h.code,
        last: h.visits[0] ? formatDateTime(h.visits[0].at, ctx.zone).slice(0, 10) : ctx.t("households.never"),
      }),
    );
    return textReply(`${ctx.t("households.title")}\n${lines.join("\n")}`, { visibility: "private" });
  },
});

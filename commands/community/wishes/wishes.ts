// /wishes: the wish board (心愿墙) — what is wished and its state, never who wished it.
import { z } from "zod";
import { bold, plain, type Reply } from "../../../src/core/reply.js";
import { defineCommand } from "../../../src/runtime/command.js";

export const wishes = defineCommand({
  name: "wishes",
  aliases: ["心愿墙", "心愿"],
  role: "anyone",
  args: z.tuple([]),
  async run(ctx) {
    const orgIds = await ctx.services.community.boardsFor(ctx.personId, ctx.chat, ctx.org);
    const list = await ctx.services.wishes.board(orgIds);
    // A committee also sees how its branches' wishes stand, as counts (never who wished what).
    const counts =
      ctx.org && ctx.org.kind !== "branch" && ctx.org.kind !== "group"
        ? await ctx.services.wishes.counts(ctx.org)
        : null;
    const summary = counts
      ? [
          plain(
            `\n${ctx.t("wishes.counts", {
              name: ctx.org?.name ?? "",
              open: counts.get("open") ?? 0,
              claimed: (counts.get("claimed") ?? 0) + (counts.get("fulfilled") ?? 0),
              confirmed: counts.get("confirmed") ?? 0,
            })}`,
          ),
        ]
      : [];
    if (list.length === 0) return { segments: [plain(ctx.t("wishes.none")), ...summary] };
    const reply: Reply = { segments: [bold(ctx.t("wishes.boardTitle")), ...summary], buttons: [] };
    for (const w of list) {
      reply.segments.push(
        plain(
          `\n${ctx.t("wishes.line", { summary: w.summary, code: w.code, status: ctx.t(`wishes.status.${w.status}`) })}`,
        ),
      );
      if (w.status === "open")
        reply.buttons?.push([
          { label: `${ctx.t("wishes.claimButton")} ${w.code}`, command: "claim", args: [w.code] },
        ]);
    }
    return reply;
  },
});

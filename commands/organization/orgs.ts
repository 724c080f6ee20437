// /orgs: the organisation tree the person may see, with codes to type in other commands.
import { z } from "zod";
import { bold, plain, type Segment } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";

export const orgs = defineCommand({
  name: "orgs",
  aliases: ["组织", "tree"],
  role: "anyone",
  person: "optional",
  args: z.tuple([]),
  async run(ctx) {
    const nodes = ctx.actor.personId ? await ctx.services.orgs.visibleTree(ctx.actor.personId) : [];
    if (nodes.length === 0) return { segments: [plain(ctx.t("orgs.none"))] };
    const segments: Segment[] = [bold(ctx.t("orgs.title"))];
    for (const { org, depth } of nodes) {
      const marker = org.id === ctx.org?.id ? " ◀" : "";
      segments.push(
        plain(
          `\n${"  ".repeat(depth)}· ${org.name}${ctx.t("punctuation.paren", { text: `${ctx.t(`orgKinds.${org.kind}`)}${ctx.t("punctuation.listSep")}${org.code}` })}${marker}`,
        ),
      );
    }
    return { segments };
  },
});

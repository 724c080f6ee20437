// /help: the commands this person may use here, with their usage. Role-aware: a member never
// sees secretary commands.
import { z } from "zod";
import { bold, plain, type Segment } from "../../src/core/reply.js";
import { defineCommand, summaryKey, usageKey } from "../../src/runtime/command.js";

export const help = defineCommand({
  name: "help",
  aliases: ["start", "帮助", "开始"],
  role: "anyone",
  person: "optional",
  args: z.array(z.string()),
  async run({ t, available, actor }) {
    const segments: Segment[] = [
      bold(t("help.title")),
      plain(`\n${t("help.greeting", { name: actor.displayName })}\n`),
    ];
    for (const command of available()) {
      segments.push(plain("\n"), bold(t(usageKey(command.name))), plain(` — ${t(summaryKey(command.name))}`));
    }
    segments.push(plain(`\n\n${t("help.footer")}`));
    return { segments };
  },
});

// /whoami: what the bot knows about the person asking.
import { z } from "zod";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";

export const whoami = defineCommand({
  name: "whoami",
  aliases: ["我是谁"],
  role: "anyone",
  person: "optional",
  args: z.tuple([]),
  async run({ actor, chat, t }) {
    return textReply(
      t("whoami.text", {
        name: actor.displayName,
        platform: t(`platforms.${actor.user.platform}`),
        account: actor.user.id,
        chat: chat.title ?? chat.id,
        language: t(`languages.${actor.locale}`),
        known: actor.personId ? t("whoami.known") : t("whoami.unknown"),
      }),
      { visibility: "private" },
    );
  },
});

// /lang zh|en: the language the bot uses with this person, on every platform they use.
import { z } from "zod";
import type { Locale } from "../../src/core/i18n.js";
import { textReply } from "../../src/core/reply.js";
import { defineCommand } from "../../src/runtime/command.js";

const choice = z
  .string()
  .transform((value) => value.toLowerCase())
  .pipe(
    z
      .enum(["zh", "zh-cn", "中文", "en", "english", "英文"])
      .transform((value): Locale => (value.startsWith("e") || value === "英文" ? "en" : "zh-CN")),
  );

export const language = defineCommand({
  name: "lang",
  aliases: ["language", "语言"],
  role: "anyone",
  person: "optional",
  args: z.tuple([choice]),
  async run({ args: [locale], actor, services, translatorFor }) {
    await services.identity.setLocale(actor.user, locale);
    // Answer in the newly chosen language.
    return textReply(translatorFor(locale)("lang.done"));
  },
});

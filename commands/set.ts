// /set <key> <value>: override a setting here and for everything below (e.g. the county-wide
// theme day: /set themeDay.dayOfMonth 15).
import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { requireOrg, requirePerson } from "../src/core/command-helpers.js";
import { DomainError } from "../src/core/domain-error.js";
import { textReply } from "../src/core/reply.js";
import { isSettingKey, parseSetting, SETTING_KEYS } from "../src/organization/settings.js";

export const set = defineCommand({
  name: "set",
  aliases: ["修改设置"],
  role: "secretary",
  args: z.tuple([z.string(), z.string()]).rest(z.string()),
  async run(ctx) {
    const [key, ...words] = ctx.args;
    if (!isSettingKey(key))
      throw new DomainError("settings.unknownKey", { key, keys: SETTING_KEYS.join(", ") });
    const parsed = parseSetting(key, words.join(" "));
    if (!parsed.ok) throw new DomainError("settings.badValue", { key, error: parsed.error });
    const org = requireOrg(ctx);
    await ctx.services.orgs.setSetting(await requirePerson(ctx), org, key, parsed.value, ctx.now);
    return textReply(ctx.t("settings.saved", { key, value: words.join(" "), name: org.name }));
  },
});

// /set <name> <value>: override a setting here and for everything below (e.g. the county-wide
// theme day: /set 主题党日日期 15). Names in Chinese or English (or the key); values as people
// write them (每季度1次, 支部党员大会:20); what is wrong is said in the person's language.
import { z } from "zod";
import { DomainError } from "../../src/core/domain-error.js";
import { textReply } from "../../src/core/reply.js";
import { findSettingKey, settingName, settingValueText } from "../../src/organization/setting-text.js";
import { parseSetting, SETTING_KEYS } from "../../src/organization/settings.js";
import { defineCommand } from "../../src/runtime/command.js";
import { requireOrg } from "../../src/runtime/command-helpers.js";

export const set = defineCommand({
  name: "set",
  aliases: ["修改设置"],
  role: "secretary",
  args: z.tuple([z.string(), z.string()]).rest(z.string()),
  async run(ctx) {
    const [word, ...words] = ctx.args;
    const key = findSettingKey(word, [ctx.translatorFor("zh-CN"), ctx.translatorFor("en")]);
    if (!key)
      throw new DomainError("settings.unknownKey", {
        key: word,
        keys: SETTING_KEYS.map((k) => settingName(k, ctx.t)).join("、"),
      });
    const name = settingName(key, ctx.t);
    const parsed = parseSetting(key, words.join(" "), ctx.actor.locale);
    if (!parsed.ok) {
      const hint = ctx.t(`settingHints.${key}`, { defaultValue: "" });
      const error = parsed.wrongShape && hint ? ctx.t("settings.hint", { hint }) : parsed.error;
      throw new DomainError("settings.badValue", { key: name, error });
    }
    const org = requireOrg(ctx);
    await ctx.services.orgs.setSetting(ctx.personId, org, key, parsed.value, ctx.now);
    return textReply(
      ctx.t("settings.saved", {
        key: name,
        value: settingValueText(key, parsed.value, ctx.t),
        name: org.name,
      }),
    );
  },
});

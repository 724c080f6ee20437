// /settings: the organisation's effective settings and where each comes from (its own, an
// ancestor's such as the county-wide theme day, or the default).
import { z } from "zod";
import { bold, plain, type Segment } from "../../src/core/reply.js";
import { settingName, settingValueText } from "../../src/organization/setting-text.js";
import { SETTING_KEYS } from "../../src/organization/settings.js";
import { defineCommand } from "../../src/runtime/command.js";
import { requireOrg } from "../../src/runtime/command-helpers.js";

export const settings = defineCommand({
  name: "settings",
  aliases: ["设置"],
  role: "member",
  args: z.tuple([]),
  async run(ctx) {
    const org = requireOrg(ctx);
    const effective = await ctx.services.orgs.settings(org.id);
    const segments: Segment[] = [bold(ctx.t("settings.title", { name: org.name }))];
    for (const key of SETTING_KEYS) {
      const { value, from } = effective[key];
      const source =
        from === null
          ? ctx.t("settings.default")
          : from === org.id
            ? ctx.t("settings.own")
            : ctx.t("settings.inherited", { name: (await ctx.services.orgs.findById(from))?.name ?? "" });
      segments.push(
        plain(
          `\n${ctx.t("settings.line", {
            name: settingName(key, ctx.t),
            value: settingValueText(key, value, ctx.t),
            source,
          })}`,
        ),
      );
    }
    segments.push(plain(`\n\n${ctx.t("settings.howToSet")}`));
    return { segments };
  },
});

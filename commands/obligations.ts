// /obligations: this period's required meetings per type — held, scheduled, missing — so the
// secretary sees at a glance what 三会一课 still asks of the branch.
import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { requireOrg, requirePerson } from "../src/core/command-helpers.js";
import { bold, plain, type Segment } from "../src/core/reply.js";
import type { Period } from "../src/meetings/periods.js";

export function periodLabel(
  period: Period,
  t: (key: string, values?: Record<string, unknown>) => string,
): string {
  return t(`periods.${period.kind}`, { year: period.year, index: period.index });
}

export const obligationsCommand = defineCommand({
  name: "obligations",
  aliases: ["任务", "三会一课"],
  role: "committee_member",
  args: z.tuple([]),
  async run(ctx) {
    const org = requireOrg(ctx);
    const actorId = await requirePerson(ctx);
    const { rows, groups } = await ctx.services.meetings.obligations(actorId, org, ctx.now);
    const segments: Segment[] = [bold(ctx.t("obligations.title", { name: org.name }))];
    for (const row of rows) {
      const who = row.groupId ? `（${groups.get(row.groupId) ?? ""}）` : "";
      const state =
        row.missing > 0 ? ctx.t("obligations.missing", { count: row.missing }) : ctx.t("obligations.ok");
      segments.push(
        plain(
          `\n${ctx.t(`meetingTypes.${row.type}`)}${who} · ${periodLabel(row.period, ctx.t)}：${ctx.t(
            "obligations.line",
            {
              required: row.required,
              held: row.held,
              scheduled: row.scheduled,
            },
          )} ${state}`,
        ),
      );
    }
    return { segments };
  },
});

// How one obligation line reads, the same in /obligations and the monthly summary post, so the
// secretary and the branch chat see the same numbers in the same words.
import type { Translate } from "../core/i18n.js";
import type { Obligation } from "./obligations.js";
import { periodLabel } from "./period-label.js";

export function obligationLine(row: Obligation, groups: Map<string, string>, t: Translate): string {
  const who = row.groupId ? `（${groups.get(row.groupId) ?? ""}）` : "";
  // A type due less often than the period is shown for its own period (a yearly meeting).
  const own = row.judged ? "" : ` · ${periodLabel(row.period, t)}`;
  const missed = row.missing - row.stillToHold;
  const parts = [
    missed > 0
      ? t("obligations.missing", {
          count: missed,
          when: row.missingIn.map((p) => periodLabel(p, t)).join("、"),
        })
      : "",
    row.stillToHold > 0 ? t("obligations.stillToHold", { count: row.stillToHold }) : "",
  ].filter(Boolean);
  const state = parts.length > 0 ? parts.join(" ") : t("obligations.ok");
  const line = t("obligations.line", { required: row.required, held: row.held, scheduled: row.scheduled });
  const quorum = row.withoutQuorum > 0 ? t("obligations.withoutQuorum", { count: row.withoutQuorum }) : "";
  return `${t(`meetingTypes.${row.type}`)}${who}${own}：${line} ${state}${quorum}`;
}

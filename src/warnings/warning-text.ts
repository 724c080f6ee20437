// How an absence warning reads, for the secretary alone.
import type { Translate } from "../core/i18n.js";
import { bold, plain, type Reply } from "../core/reply.js";
import { periodLabel } from "../meetings/period-label.js";
import type { AbsenceWarning } from "./warning-service.js";

/** "2026年10月至2027年3月": the months a warning counts. */
export function warningSpan(w: Pick<AbsenceWarning, "fromMonth" | "toMonth">, t: Translate): string {
  const label = (month: string) => {
    const [year, index] = month.split("-").map(Number);
    return periodLabel({ kind: "month", year: year ?? 0, index: index ?? 0 }, t);
  };
  if (!w.fromMonth) return "";
  return w.fromMonth === w.toMonth
    ? label(w.fromMonth)
    : t("warnings.span", { from: label(w.fromMonth), to: label(w.toMonth) });
}

export function renderWarnings(branchName: string, warnings: AbsenceWarning[], t: Translate): Reply {
  if (warnings.length === 0)
    return { segments: [plain(t("warnings.none", { name: branchName }))], visibility: "private" };
  const lines = warnings.map((w) => {
    const line =
      w.reason === "dues"
        ? t("warnings.duesLine", {
            level: t(`warnings.levels.${w.level}`),
            name: w.name,
            months: w.months,
            span: warningSpan(w, t),
          })
        : t("warnings.line", {
            level: t(`warnings.levels.${w.level}`),
            name: w.name,
            months: w.months,
            span: warningSpan(w, t),
            last: w.lastAttended ?? t("warnings.never"),
          });
    return w.sixMonthRule ? `${line}${t("warnings.sixMonthRule")}` : line;
  });
  return {
    segments: [
      bold(t("warnings.title", { name: branchName })),
      plain(`\n${lines.join("\n")}\n${t("warnings.footer")}\n${t("warnings.source")}`),
    ],
    visibility: "private",
  };
}

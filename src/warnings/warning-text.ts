// How an absence warning reads, for the secretary alone.
import type { Translate } from "../core/i18n.js";
import { bold, plain, type Reply } from "../core/reply.js";
import type { AbsenceWarning } from "./warning-service.js";

export function renderWarnings(branchName: string, warnings: AbsenceWarning[], t: Translate): Reply {
  if (warnings.length === 0)
    return { segments: [plain(t("warnings.none", { name: branchName }))], visibility: "private" };
  const lines = warnings.map((w) => {
    const line =
      w.reason === "dues"
        ? t("warnings.duesLine", { level: t(`warnings.levels.${w.level}`), name: w.name, months: w.months })
        : t("warnings.line", {
            level: t(`warnings.levels.${w.level}`),
            name: w.name,
            months: w.months,
            last: w.lastAttended ?? t("warnings.never"),
          });
    return w.sixMonthRule ? `${line}${t("warnings.sixMonthRule")}` : line;
  });
  return {
    segments: [
      bold(t("warnings.title", { name: branchName })),
      plain(`\n${lines.join("\n")}\n${t("warnings.footer")}`),
    ],
    visibility: "private",
  };
}

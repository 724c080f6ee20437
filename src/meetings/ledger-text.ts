// The attendance ledger and minutes as text, in the shape of the paper 台账.
import type { Translate } from "../core/i18n.js";
import type { Ledger } from "./ledger.js";
import type { MeetingRecord } from "./meeting-repository.js";

export function renderLedger(meeting: MeetingRecord, ledger: Ledger, t: Translate): string {
  const lines = [
    t("ledger.summary", {
      expected: ledger.expected,
      present: ledger.present,
      late: ledger.late,
      leave: ledger.onLeave,
      absent: ledger.absent,
    }),
  ];
  if (ledger.quorum.applies) {
    lines.push(
      t(
        `ledger.${ledger.quorum.basis === "committee" ? "committeeQuorum" : "quorum"}${ledger.quorum.met ? "Met" : "NotMet"}`,
        {
          present: ledger.quorum.present,
          base: ledger.quorum.base,
        },
      ),
    );
  }
  const away = ledger.lines.filter((l) => l.outcome === "leave" || l.outcome === "absent");
  if (away.length > 0) {
    lines.push(t("ledger.absentees"));
    for (const l of away) {
      const reason = l.reason ? t(`absenceReasons.${l.reason}`) : t("ledger.noReason");
      lines.push(`  ${l.name}：${reason}${l.note ? `（${l.note}）` : ""}`);
    }
  }
  const late = ledger.lines.filter((l) => l.outcome === "late");
  if (late.length > 0) lines.push(t("ledger.late", { names: late.map((l) => l.name).join("、") }));
  if (meeting.content) lines.push(t("ledger.content", { text: meeting.content }));
  if (meeting.resolutions) lines.push(t("ledger.resolutions", { text: meeting.resolutions }));
  const photos = JSON.parse(meeting.photos) as string[];
  if (photos.length > 0) lines.push(t("ledger.photos", { count: photos.length }));
  return lines.join("\n");
}

// The card a draft meeting is shown as before it exists: every piece on its own line, as the
// secretary will see it announced, with 确认 / 修改 / 放弃; and the menu 修改 opens.
import { DateTime } from "luxon";
import type { Translate } from "../core/i18n.js";
import { bold, plain, type Reply } from "../core/reply.js";
import { formatMeetingTime } from "./announcement.js";
import type { DraftView } from "./meeting-drafts.js";
import { AUDIENCE, type MeetingType } from "./meeting-types.js";

/** The pieces 修改 offers, with the words a person may type for them. */
export const DRAFT_PIECES = {
  type: ["类型", "type"],
  time: ["时间", "time"],
  place: ["地点", "place"],
  topic: ["主题", "topic"],
  drop: ["放弃", "drop"],
} as const;
export type DraftPiece = keyof typeof DRAFT_PIECES;

export function draftPiece(word: string): DraftPiece | undefined {
  const w = word.toLowerCase();
  return (Object.keys(DRAFT_PIECES) as DraftPiece[]).find((p) =>
    (DRAFT_PIECES[p] as readonly string[]).includes(w),
  );
}

export function draftTime(view: DraftView, zone: string, t: Translate): string {
  const { startsAt, endsAt } = view.input;
  const start = formatMeetingTime(startsAt, zone, t);
  return endsAt ? `${start}–${DateTime.fromJSDate(endsAt, { zone }).toFormat("HH:mm")}` : start;
}

export function renderDraftCard(view: DraftView, zone: string, t: Translate): Reply {
  const { input } = view;
  const audience = AUDIENCE[input.type as MeetingType] ?? "all";
  const lines = [
    t("drafts.type", { type: t(`meetingTypes.${input.type}`) }),
    t("drafts.time", { when: draftTime(view, zone, t) }),
    input.online ? t("drafts.online", { place: input.place }) : t("drafts.place", { place: input.place }),
    t("drafts.topic", { topic: input.topic }),
    t(`drafts.audience.${audience}`, {
      org: view.orgName,
      group: view.groupName ?? "",
      count: view.expected,
    }),
    ...(view.hostName ? [t("drafts.host", { name: view.hostName })] : []),
    ...(view.recorderName ? [t("drafts.recorder", { name: view.recorderName })] : []),
    ...(input.occurrences > 1 && !input.recurrence ? [t("drafts.repeat", { count: input.occurrences })] : []),
    ...(input.recurrence
      ? [
          t("drafts.rule", {
            rule: input.recurrence.ruleText,
            time: input.recurrence.time,
            dates: view.occurrences
              .map((d) => formatMeetingTime(d, zone, t).replace(/ \d\d:\d\d/, ""))
              .join("、"),
          }),
        ]
      : []),
  ];
  return {
    segments: [bold(t("drafts.title")), plain(`\n${lines.join("\n")}\n${t("drafts.footer")}`)],
    buttons: [
      [
        { label: t("drafts.confirm"), command: "confirm_schedule", args: [view.code] },
        { label: t("drafts.change"), command: "change_schedule", args: [view.code] },
        { label: t("drafts.drop"), command: "change_schedule", args: [view.code, "drop"] },
      ],
    ],
  };
}

export function renderDraftMenu(code: string, t: Translate): Reply {
  const piece = (p: DraftPiece) => ({
    label: t(`drafts.pieces.${p}`),
    command: "change_schedule",
    args: [code, p],
  });
  return {
    segments: [plain(t("drafts.which"))],
    buttons: [[piece("type"), piece("time"), piece("place"), piece("topic")], [piece("drop")]],
  };
}

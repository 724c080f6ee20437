// The modals for what is easier to fill in than to type as one command.
import type { types } from "@slack/bolt";
import type { Translate } from "../../core/i18n.js";
import { MEETING_TYPES } from "../../meetings/meeting-types.js";

type View = types.ModalView;
type Values = Record<
  string,
  Record<
    string,
    {
      value?: string | null;
      selected_option?: { value: string } | null;
      selected_date?: string | null;
      selected_time?: string | null;
    }
  >
>;

const input = (blockId: string, label: string, element: object) => ({
  type: "input",
  block_id: blockId,
  label: { type: "plain_text", text: label },
  element,
});

export function leaveModal(t: Translate, code: string, channel: string): View {
  return {
    type: "modal",
    callback_id: "leave_reason",
    private_metadata: JSON.stringify({ code, channel }),
    title: { type: "plain_text", text: t("slack.leaveTitle") },
    submit: { type: "plain_text", text: t("slack.submit") },
    blocks: [
      input("reason", t("slack.leaveReason"), {
        type: "plain_text_input",
        action_id: "value",
        max_length: 200,
      }),
    ] as View["blocks"],
  };
}

export function scheduleModal(t: Translate, channel: string): View {
  return {
    type: "modal",
    callback_id: "schedule",
    private_metadata: JSON.stringify({ channel }),
    title: { type: "plain_text", text: t("slack.scheduleTitle") },
    submit: { type: "plain_text", text: t("slack.submit") },
    blocks: [
      input("type", t("slack.type"), {
        type: "static_select",
        action_id: "value",
        options: MEETING_TYPES.filter((m) => m !== "other").map((m) => ({
          text: { type: "plain_text", text: t(`meetingTypes.${m}`) },
          value: m,
        })),
      }),
      input("date", t("slack.date"), { type: "datepicker", action_id: "value" }),
      input("time", t("slack.time"), { type: "timepicker", action_id: "value" }),
      input("place", t("slack.place"), { type: "plain_text_input", action_id: "value", max_length: 60 }),
      input("topic", t("slack.topic"), { type: "plain_text_input", action_id: "value", max_length: 200 }),
    ] as View["blocks"],
  };
}

/** The one-line /schedule the modal stands for; quotes keep spaces in place and topic. */
export function scheduleText(values: Values): string {
  const v = (block: string) => values[block]?.value;
  const quote = (s: string | null | undefined) => `"${(s ?? "").replaceAll('"', "'")}"`;
  return `/schedule ${v("type")?.selected_option?.value ?? ""} ${v("date")?.selected_date ?? ""} ${v("time")?.selected_time ?? ""} ${quote(v("place")?.value)} ${quote(v("topic")?.value)}`;
}

export function minutesModal(t: Translate, code: string, channel: string): View {
  return {
    type: "modal",
    callback_id: "minutes",
    private_metadata: JSON.stringify({ code, channel }),
    title: { type: "plain_text", text: t("slack.minutesTitle") },
    submit: { type: "plain_text", text: t("slack.submit") },
    blocks: [
      input("content", t("slack.minutesContent"), {
        type: "plain_text_input",
        action_id: "value",
        multiline: true,
        max_length: 3000,
      }),
      {
        ...input("resolutions", t("slack.minutesResolutions"), {
          type: "plain_text_input",
          action_id: "value",
          multiline: true,
          max_length: 3000,
        }),
        optional: true,
      },
    ] as View["blocks"],
  };
}

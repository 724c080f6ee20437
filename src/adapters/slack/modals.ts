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
      selected_conversation?: string | null;
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

/**
 * The schedule form. Opened from a channel it schedules there; opened from the global shortcut
 * (no channel) it asks which channel's branch the meeting is for.
 */
export function scheduleModal(t: Translate, channel: string | null): View {
  const where = channel
    ? []
    : [
        input("channel", t("slack.channel"), {
          type: "conversations_select",
          action_id: "value",
          default_to_current_conversation: true,
          filter: { include: ["public", "private"], exclude_bot_users: true },
        }),
      ];
  return {
    type: "modal",
    callback_id: "schedule",
    private_metadata: JSON.stringify({ channel }),
    title: { type: "plain_text", text: t("slack.scheduleTitle") },
    submit: { type: "plain_text", text: t("slack.submit") },
    blocks: [
      ...where,
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

/** The channel a schedule form is for: the one it was opened in, or the one chosen in it. */
export function scheduleChannel(metadata: string, values: Values): string | null {
  const { channel } = JSON.parse(metadata) as { channel: string | null };
  return channel ?? values.channel?.value?.selected_conversation ?? null;
}

/** One form for the answer to any question the bot asked (Slack has no reply-to-this-message). */
export function answerModal(t: Translate, question: string, target: object): View {
  return {
    type: "modal",
    callback_id: "answer",
    private_metadata: JSON.stringify(target),
    title: { type: "plain_text", text: t("slack.answerTitle") },
    submit: { type: "plain_text", text: t("slack.submit") },
    blocks: [
      {
        type: "section",
        text: { type: "plain_text", text: question.slice(0, 2900) || t("slack.answerTitle") },
      },
      input("answer", t("slack.answerLabel"), {
        type: "plain_text_input",
        action_id: "value",
        max_length: 500,
      }),
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

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

const textInput = (blockId: string, label: string, maxLength: number, multiline = false) =>
  input(blockId, label, {
    type: "plain_text_input",
    action_id: "value",
    max_length: maxLength,
    ...(multiline ? { multiline: true } : {}),
  });

/** A modal with the bot's submit button; what it is for travels in its private metadata. */
const modal = (
  t: Translate,
  callbackId: string,
  metadata: object,
  titleKey: string,
  blocks: object[],
): View => ({
  type: "modal",
  callback_id: callbackId,
  private_metadata: JSON.stringify(metadata),
  title: { type: "plain_text", text: t(titleKey) },
  submit: { type: "plain_text", text: t("slack.submit") },
  blocks: blocks as View["blocks"],
});

export function leaveModal(t: Translate, code: string, channel: string): View {
  return modal(t, "leave_reason", { code, channel }, "slack.leaveTitle", [
    textInput("reason", t("slack.leaveReason"), 200),
  ]);
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
  return modal(t, "schedule", { channel }, "slack.scheduleTitle", [
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
    textInput("place", t("slack.place"), 60),
    textInput("topic", t("slack.topic"), 200),
  ]);
}

/** The channel a schedule form is for: the one it was opened in, or the one chosen in it. */
export function scheduleChannel(metadata: string, values: Values): string | null {
  const { channel } = JSON.parse(metadata) as { channel: string | null };
  return channel ?? values.channel?.value?.selected_conversation ?? null;
}

/** One form for the answer to any question the bot asked (Slack has no reply-to-this-message). */
export function answerModal(t: Translate, question: string, target: object): View {
  return modal(t, "answer", target, "slack.answerTitle", [
    {
      type: "section",
      text: { type: "plain_text", text: question.slice(0, 2900) || t("slack.answerTitle") },
    },
    textInput("answer", t("slack.answerLabel"), 500),
  ]);
}

/** The one-line /schedule the modal stands for; quotes keep spaces in place and topic. */
export function scheduleText(values: Values): string {
  const v = (block: string) => values[block]?.value;
  const quote = (s: string | null | undefined) => `"${(s ?? "").replaceAll('"', "'")}"`;
  return `/schedule ${v("type")?.selected_option?.value ?? ""} ${v("date")?.selected_date ?? ""} ${v("time")?.selected_time ?? ""} 地点= ${quote(v("place")?.value)} 主题= ${quote(v("topic")?.value)}`;
}

export function minutesModal(t: Translate, code: string, channel: string): View {
  return modal(t, "minutes", { code, channel }, "slack.minutesTitle", [
    textInput("content", t("slack.minutesContent"), 3000, true),
    { ...textInput("resolutions", t("slack.minutesResolutions"), 3000, true), optional: true },
  ]);
}

// The kinds of meeting a branch must hold (三会一课, 主题党日, 组织生活会) and who attends each.
import type { Frequency, SettingKey } from "../organization/settings.js";

export const MEETING_TYPES = [
  "general_meeting",
  "committee_meeting",
  "group_meeting",
  "party_lesson",
  "theme_day",
  "life_meeting",
  "other",
] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

/** Who is expected: every member, the branch committee, or the members of one party group. */
export type Audience = "all" | "committee" | "group";

export const AUDIENCE: Record<MeetingType, Audience> = {
  general_meeting: "all",
  committee_meeting: "committee",
  group_meeting: "group",
  party_lesson: "all",
  theme_day: "all",
  life_meeting: "all",
  other: "all",
};

/**
 * Whose presence decides quorum: for the general meeting, members with voting rights (预备党员
 * attend but do not vote); for the committee meeting, the committee. Other meetings have none.
 */
export const QUORUM: Record<MeetingType, "voting_members" | "committee" | null> = {
  general_meeting: "voting_members",
  committee_meeting: "committee",
  group_meeting: null,
  party_lesson: null,
  theme_day: null,
  life_meeting: null,
  other: null,
};

export const FREQUENCY_SETTING: Record<MeetingType, SettingKey | null> = {
  general_meeting: "frequency.general_meeting",
  committee_meeting: "frequency.committee_meeting",
  group_meeting: "frequency.group_meeting",
  party_lesson: "frequency.party_lesson",
  theme_day: "frequency.theme_day",
  life_meeting: "frequency.life_meeting",
  other: null,
};

const WORDS: Record<string, MeetingType> = {
  general_meeting: "general_meeting",
  general: "general_meeting",
  党员大会: "general_meeting",
  支部党员大会: "general_meeting",
  大会: "general_meeting",
  committee_meeting: "committee_meeting",
  committee: "committee_meeting",
  支委会: "committee_meeting",
  支部委员会: "committee_meeting",
  group_meeting: "group_meeting",
  group: "group_meeting",
  党小组会: "group_meeting",
  小组会: "group_meeting",
  party_lesson: "party_lesson",
  lesson: "party_lesson",
  党课: "party_lesson",
  theme_day: "theme_day",
  theme: "theme_day",
  主题党日: "theme_day",
  党日: "theme_day",
  life_meeting: "life_meeting",
  组织生活会: "life_meeting",
  other: "other",
  其他: "other",
};

export function parseMeetingType(word: string): MeetingType | undefined {
  return WORDS[word.toLowerCase()];
}

/** Roles whose holders make up the branch committee (支委). */
export const COMMITTEE_ROLES = ["secretary", "deputy_secretary", "committee_member"] as const;

/** How often each meeting type is due, from an organisation's effective settings. */
export function frequenciesOf(
  settings: Record<SettingKey, { value: unknown }>,
): Partial<Record<MeetingType, Frequency>> {
  const frequencies: Partial<Record<MeetingType, Frequency>> = {};
  for (const type of MEETING_TYPES) {
    const key = FREQUENCY_SETTING[type];
    if (key) frequencies[type] = settings[key].value as Frequency;
  }
  return frequencies;
}

// Words people type for roles, in Chinese and English.
import type { Role } from "../core/roles.js";

export const GRANTABLE_ROLES = [
  "deputy_secretary",
  "committee_member",
  "group_leader",
  "secretary",
  "org_admin",
] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

const WORDS: Record<string, GrantableRole> = {
  secretary: "secretary",
  书记: "secretary",
  支部书记: "secretary",
  deputy_secretary: "deputy_secretary",
  deputy: "deputy_secretary",
  副书记: "deputy_secretary",
  committee_member: "committee_member",
  committee: "committee_member",
  委员: "committee_member",
  支委: "committee_member",
  支委委员: "committee_member",
  组织委员: "committee_member",
  宣传委员: "committee_member",
  纪检委员: "committee_member",
  group_leader: "group_leader",
  leader: "group_leader",
  组长: "group_leader",
  党小组组长: "group_leader",
  org_admin: "org_admin",
  admin: "org_admin",
  管理员: "org_admin",
};

export function parseRole(word: string): GrantableRole | undefined {
  return WORDS[word.toLowerCase()];
}

/** The least role that may grant or revoke a role. */
export function grantorRole(role: GrantableRole): Role {
  return role === "secretary" || role === "org_admin" ? "org_admin" : "secretary";
}

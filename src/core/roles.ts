// Roles, from least to most trusted. A command declares the least role it needs; an actor may run
// it when any role they hold in the chat's organisation ranks at least as high.
export const ROLES = [
  "anyone",
  "member",
  "group_leader",
  "committee_member",
  "deputy_secretary",
  "secretary",
  "org_admin",
] as const;

export type Role = (typeof ROLES)[number];

const rank = (role: Role): number => ROLES.indexOf(role);

export function mayRun(required: Role, held: readonly Role[]): boolean {
  return held.some((role) => rank(role) >= rank(required)) || required === "anyone";
}

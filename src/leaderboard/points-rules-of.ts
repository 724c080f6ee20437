// The points rules (积分) of a branch, read from its inherited settings: once per resolved settings
// object, with a key that groups a page's branches by the rules they share (one query per rule).
import type { ServicePointsRules } from "../community/community-rules.js";
import type { effectiveSettings } from "../organization/settings.js";
import type { PointsRules } from "./points.js";

export type AllPointsRules = PointsRules & ServicePointsRules;

type Settings = ReturnType<typeof effectiveSettings>;

/** Points rules and a key to group branches by them, once per resolved settings object. */
const rulesMemo = new WeakMap<Settings, { rules: AllPointsRules; key: string }>();
export function rulesOf(settings: Settings): { rules: AllPointsRules; key: string } {
  let known = rulesMemo.get(settings);
  if (!known) {
    const rules = pointsRulesOf(settings);
    known = { rules, key: JSON.stringify(rules) };
    rulesMemo.set(settings, known);
  }
  return known;
}

export function pointsRulesOf(settings: Settings): AllPointsRules {
  return {
    perMeeting: settings["points.perMeeting"].value as number,
    caps: settings["points.caps"].value as PointsRules["caps"],
    perServiceHour: settings["points.perServiceHour"].value as number,
    perWish: settings["points.perWish"].value as number,
  };
}

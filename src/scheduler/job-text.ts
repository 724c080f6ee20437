// Scheduled jobs as people read them: a name in their language, and what a run did in words
// ("发出 3 条") rather than its JSON.
import type { Translate } from "../core/i18n.js";

export const jobName = (id: string, t: Translate): string => t(`jobs.names.${id}`, { defaultValue: id });

export function jobResultText(result: unknown, t: Translate): string {
  const counts = typeof result === "string" ? safeJson(result) : result;
  if (!counts || typeof counts !== "object") return "";
  return Object.entries(counts as Record<string, unknown>)
    .map(([what, count]) => t(`jobs.results.${what}`, { count, defaultValue: `${what} ${String(count)}` }))
    .join("，");
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

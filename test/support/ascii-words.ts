// Finds English words in Chinese text: what a person reading the bot in Chinese would trip over.
// Allowed: command names (/checkin, /party join), codes people type (H7K2Q, 2027-Q1, 8 位码),
// URLs, file types, platform and product names, and what the person typed themselves.
const ALLOWED = new Set([
  "Telegram",
  "Slack",
  "Excel",
  "CSV",
  "csv",
  "XLSX",
  "xlsx",
  "PNG",
  "MB",
  "English",
  "zh",
  "en",
  "X", // 5+X
  "Start", // Telegram's own button, as Telegram labels it
  "HTTP",
]);

export function asciiWords(text: string, extra: readonly string[] = []): string[] {
  const cleaned = text
    .replace(/\{\{[^}]+\}\}/g, " ")
    // i18next nesting ($t(development.steps.{{step}})): resolved to Chinese before anyone reads it.
    .replace(/\$t\([^)]*\)/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/\/party\s+[a-z_]+/g, " ")
    .replace(/[/／][A-Za-z_][A-Za-z0-9_]*(@\w+)?/g, " ")
    .replace(/\b\d{4}-(Q[1-4]|H[12]|W\d{1,2}|\d{1,2})\b/g, " ")
    // ids cut short with their hyphens (3f2a1c9e-c), then codes with a digit: H7K2Q, M0001, cmx4q9g2
    .replace(/\b[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+\b/g, (m) => (/\d/.test(m) ? " " : m))
    .replace(/\b[A-Za-z0-9]*\d[A-Za-z0-9]*\b/g, " ")
    .replace(/\b[A-Z]{4,8}\b/g, " ") // codes without one
    .replace(/\.[a-z]{2,4}\b/g, " "); // file names: 名册.xlsx
  const words = cleaned.match(/[A-Za-z][A-Za-z'-]*/g) ?? [];
  return words.filter((w) => !ALLOWED.has(w) && !extra.includes(w));
}

/** Whether a text is written in Chinese (most of its letters are Han characters). */
export function isChinese(text: string): boolean {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return han > 0 && han >= latin;
}

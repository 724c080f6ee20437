// Telegram's deep links: t.me/<bot>?start=<payload> opens the private chat and sends "/start
// <payload>"; t.me/<bot>?startgroup=<payload> adds the bot to a group and sends it there. A payload
// is at most 64 characters of A–Z, a–z, 0–9, _ and -. Ours name a command and its arguments
// ("join_K7P2Q9", "leave_H7K2Q", "bind_4821"), so following a link does exactly what typing the
// command would: the router checks who may run it, as for anything typed. Only the commands a link
// is for are translated; any other payload opens the help.
const LINKABLE = new Set(["join", "bind", "leave", "checkin", "attend", "link"]);
const PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;

/** The payload for a command and its arguments, or null when it cannot be one. */
export function startPayload(command: string, args: readonly string[]): string | null {
  if (!LINKABLE.has(command)) return null;
  const payload = [command, ...args].join("_");
  return PAYLOAD.test(payload) && !args.some((a) => a.includes("_") || a === "") ? payload : null;
}

export const privateLink = (bot: string, payload: string) => `https://t.me/${bot}?start=${payload}`;
export const groupLink = (bot: string, payload: string) => `https://t.me/${bot}?startgroup=${payload}`;

/** "/start join_K7P2Q9" (or "/start@bot …") as the command it stands for; other text as it is. */
export function fromStartPayload(text: string): string {
  const match = text.trim().match(/^\/start(?:@\w+)?\s+([A-Za-z0-9_-]{1,64})$/);
  if (!match?.[1]) return text;
  const [command, ...args] = match[1].split("_");
  if (!command || !LINKABLE.has(command) || args.length === 0) return "/help";
  return `/${command} ${args.join(" ")}`;
}

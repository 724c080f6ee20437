// Turns "/checkin@party_bot 1234" or "／签到 1234" into a command word and argument tokens.
// Double or Chinese quotes keep spaces inside one argument: /topic "学习 二十大 精神".

export interface ParsedCommandText {
  word: string;
  /** The @bot suffix of "/cmd@bot", which in Telegram groups addresses one bot among several. */
  addressee?: string;
  args: string[];
}

const COMMAND_PREFIX = /^[/／]/;

export function parseCommandText(text: string): ParsedCommandText | null {
  const trimmed = text.trim();
  if (!COMMAND_PREFIX.test(trimmed)) return null;
  const tokens = tokenize(trimmed.slice(1));
  const head = tokens.shift();
  if (!head) return null;
  const at = head.indexOf("@");
  if (at > 0) return { word: head.slice(0, at), addressee: head.slice(at + 1), args: tokens };
  return { word: head, args: tokens };
}

export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const pattern = /"([^"]*)"|“([^”]*)”|「([^」]*)」|(\S+)/g;
  for (const match of text.replaceAll("\u3000", " ").matchAll(pattern)) {
    tokens.push(match[1] ?? match[2] ?? match[3] ?? match[4] ?? "");
  }
  return tokens;
}

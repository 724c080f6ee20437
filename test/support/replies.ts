// Reading codes and facts out of what the bot said, the way a person would read them.
import type { Reply } from "../../src/core/reply.js";
import { texts } from "./test-bot.js";

/** The first code after a label such as "代码" or "邀请码：" in the replies. */
export function codeAfter(replies: Reply[], label: string): string {
  const text = texts(replies).join("\n");
  const match = text.match(new RegExp(`${label}[：:\\s]*([0-9A-Z]{4,8})`));
  if (!match?.[1]) throw new Error(`no code after "${label}" in: ${text}`);
  return match[1];
}

export const joined = (replies: Reply[]): string => texts(replies).join("\n");

/**
 * Not a notice about joining (a request to decide, a decision, an appointment as 书记 with what
 * waits): for tests about other notices.
 */
export const notJoinNotice = (text: string): boolean =>
  !/申请加入「|的申请已通过|的申请未通过|您已被任命为/.test(text);

/** The first code with a prefix ("H" meeting, "V" activity, "W" wish) in a text. */
export const codeIn = (text: string, prefix: string): string =>
  text.match(new RegExp(`\\b(${prefix}[0-9A-Z]{4})\\b`))?.[1] ?? "";

// For commands that take a day and time in one go (/edit_meeting 时间 …, /activity): the instant,
// or a refusal that says what was understood and what is unclear (the same words /schedule asks
// with), so nothing is changed on a guess.
import { DomainError } from "../../core/domain-error.js";
import { understandWhen } from "./understand-when.js";

export function startsAtOrRefuse(
  words: string,
  now: Date,
  zone: string,
  format: (instant: Date) => string,
): Date {
  return whenOrRefuse(words, now, zone, format).start;
}

/** The start and, for a range (下午3点到5点), the end; else the same refusal as startsAtOrRefuse. */
export function whenOrRefuse(
  words: string,
  now: Date,
  zone: string,
  format: (instant: Date) => string,
): { start: Date; end: Date | null } {
  const answer = understandWhen(words, now, zone);
  if (answer.kind === "instant") return { start: answer.start, end: answer.end };
  throw new DomainError(`schedule.problem.${answer.reason}`, {
    phrase: words,
    when: answer.start ? format(answer.start) : "",
  });
}

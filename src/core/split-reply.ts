// Long answers within a platform's limits: a reply's text is cut into parts whose rendered length
// (after the platform's escaping and markup) stays within `limit`, between lines wherever a line
// fits, so nothing is cut mid-word or mid-tag and nothing is lost. A line longer than the limit
// alone is cut by characters (never inside a surrogate pair). Buttons and the attachment stay
// with the part that carries them: buttons on the last, the attachment on the first.
import type { Reply, Segment } from "./reply.js";

/** The rendered length of a run of segments on the platform (escaping and tags included). */
export type Measure = (segments: readonly Segment[]) => number;

/** Segments as lines: each line a list of styled pieces, without its newline. */
function lines(segments: readonly Segment[]): Segment[][] {
  const result: Segment[][] = [[]];
  for (const segment of segments) {
    segment.text.split("\n").forEach((piece, i) => {
      if (i > 0) result.push([]);
      if (piece) (result.at(-1) as Segment[]).push({ ...segment, text: piece });
    });
  }
  return result;
}

/** Cuts one line that is longer than the limit into pieces that fit. */
function cutLine(line: Segment[], limit: number, measure: Measure): Segment[][] {
  const parts: Segment[][] = [];
  let current: Segment[] = [];
  for (const segment of line) {
    let rest = [...segment.text];
    while (rest.length > 0) {
      // The longest prefix of what is left that still fits after what the part holds already.
      let low = 1;
      let high = rest.length;
      let fit = 0;
      while (low <= high) {
        const mid = (low + high) >> 1;
        if (measure([...current, { ...segment, text: rest.slice(0, mid).join("") }]) <= limit) {
          fit = mid;
          low = mid + 1;
        } else high = mid - 1;
      }
      if (fit === 0) {
        if (current.length === 0)
          fit = 1; // a single character over the limit: send it anyway
        else {
          parts.push(current);
          current = [];
          continue;
        }
      }
      current.push({ ...segment, text: rest.slice(0, fit).join("") });
      rest = rest.slice(fit);
      if (rest.length > 0) {
        parts.push(current);
        current = [];
      }
    }
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

const joinLines = (list: Segment[][]): Segment[] =>
  list.flatMap((line, i) => (i === 0 ? line : [{ text: "\n" }, ...line]));

/** The reply as one or more replies, each within `limit` when rendered. */
export function splitReply(reply: Reply, limit: number, measure: Measure): Reply[] {
  if (measure(reply.segments) <= limit) return [reply];
  const parts: Segment[][][] = [];
  let current: Segment[][] = [];
  const fits = (candidate: Segment[][]) => measure(joinLines(candidate)) <= limit;
  for (const line of lines(reply.segments)) {
    if (fits([...current, line])) {
      current.push(line);
      continue;
    }
    if (current.length > 0) parts.push(current);
    current = [];
    if (fits([line])) current.push(line);
    else {
      const pieces = cutLine(line, limit, measure);
      parts.push(...pieces.slice(0, -1).map((piece) => [piece]));
      current = [pieces.at(-1) ?? []];
    }
  }
  if (current.length > 0) parts.push(current);
  const { buttons, attachment, chart, ...rest } = reply;
  return parts.map((part, i) => ({
    ...rest,
    segments: joinLines(part),
    ...(i === 0 && attachment ? { attachment } : {}),
    ...(i === 0 && chart ? { chart } : {}),
    ...(i === parts.length - 1 && buttons ? { buttons } : {}),
  }));
}

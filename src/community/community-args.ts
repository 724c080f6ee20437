// Arguments of the community-work commands that are more than a code.
import { z } from "zod";
import { codeArg } from "../core/arg-types.js";

/** A service length: "2" or "2小时" or "1.5h" (hours), "90分钟" or "90m" (minutes). */
export const durationArg = z.string().transform((w, ctx) => {
  const hours = w.match(/^(\d{1,2}(?:\.\d)?)(h|小时|个小时)?$/i);
  const minutes = w.match(/^(\d{1,3})(m|min|分钟)$/i);
  const value = hours ? Math.round(Number(hours[1]) * 60) : minutes ? Number(minutes[1]) : Number.NaN;
  if (!(value >= 15 && value <= 12 * 60)) {
    ctx.addIssue({ code: "custom", message: "15 minutes to 12 hours" });
    return z.NEVER;
  }
  return value;
});

export const capacityArg = z
  .string()
  .transform((w) => Number.parseInt(w.replace(/[人名个]$/, ""), 10))
  .pipe(z.number().int().min(1).max(500));

/** A code followed by free text: the note of a visit, the report of a fulfilled wish. */
export const codeAndText = z.tuple([codeArg, z.string()]).rest(z.string());

export const joinText = (words: readonly string[], max: number) => words.join(" ").trim().slice(0, max);

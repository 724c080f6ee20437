// Arguments of the dues commands.
import { z } from "zod";
import { yuanToFen } from "./dues-rules.js";

/** An amount in yuan: "20", "20.5", "20元". */
export const yuanArg = z
  .string()
  .transform((w) => yuanToFen(w))
  .pipe(z.number().int().min(1).max(10_000_000));

/** A member code, or 全体/all for everyone in the branch. */
export const memberOrAllArg = z
  .string()
  .transform((w) => (["全体", "所有人", "all"].includes(w.toLowerCase()) ? "ALL" : w.toUpperCase()))
  .pipe(z.string().regex(/^(ALL|[0-9A-Z]{4,8})$/));

/** A month: YYYY-MM, or 本月/上月 (this month / last month) in the organisation's zone. */
export const monthArg = z.string().regex(/^(\d{4}-(0[1-9]|1[0-2])|本月|上月|this|last)$/);

// Argument shapes people type everywhere, as zod schemas.
import { z } from "zod";
import { normalizeCode } from "./short-code.js";

/** A code typed by hand (invite, member, organisation): case and spaces do not matter. */
export const codeArg = z
  .string()
  .transform(normalizeCode)
  .pipe(z.string().regex(/^[0-9A-Z]{4,8}$/));

export const nameArg = z.string().trim().min(1).max(20);

// Meeting codes as typed: "H7K2Q" or "h7k2q".
import { z } from "zod";
import { normalizeCode } from "../core/short-code.js";

export const meetingCodeArg = z
  .string()
  .transform(normalizeCode)
  .pipe(z.string().regex(/^H[0-9A-Z]{4}$/));

export const leaveCodeArg = z
  .string()
  .transform(normalizeCode)
  .pipe(z.string().regex(/^L[0-9A-Z]{5}$/));

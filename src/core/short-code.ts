// Short codes people can read aloud and type: no 0/O, 1/I/L, no vowels that spell words.
import { randomInt } from "node:crypto";

const ALPHABET = "23456789BCDFGHJKMNPQRSTVWXYZ";

export function shortCode(length = 5): string {
  let code = "";
  for (let i = 0; i < length; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** Codes are typed by hand: accept lower case and stray spaces. */
export function normalizeCode(input: string): string {
  return input.replace(/[\s-]/g, "").toUpperCase();
}

// Member codes (M + five letters people can read aloud), fresh against the whole installation.
import { shortCode } from "../core/short-code.js";
import type { MemberRepository } from "./member-repository.js";

export async function freshMemberCodes(members: MemberRepository, count: number): Promise<string[]> {
  const codes = new Set<string>();
  while (codes.size < count) {
    const batch = Array.from({ length: count - codes.size }, () => `M${shortCode(5)}`).filter(
      (c) => !codes.has(c),
    );
    const taken = await members.codesTaken(batch);
    for (const code of batch) if (!taken.has(code)) codes.add(code);
  }
  return [...codes];
}
